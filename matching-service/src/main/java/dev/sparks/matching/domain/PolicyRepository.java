package dev.sparks.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<PolicyVersion, Long> {

    /** The highest version; V2 of the schema seeds version 1 with the defaults. */
    public PolicyVersion current() {
        return findAll(Sort.descending("version")).firstResult();
    }
}
