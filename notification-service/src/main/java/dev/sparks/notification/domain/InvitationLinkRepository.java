package dev.sparks.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InvitationLinkRepository implements PanacheRepositoryBase<InvitationLink, String> {
}
