package dev.sparks.assessment.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public Optional<Participant> bySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** Locked until the transaction ends, so one person's starts and links happen one after the other. */
    public Optional<Participant> bySubjectForUpdate(String subject) {
        return find("subject", subject).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Whether a participant with this login was erased: the login must not bring them back. */
    public boolean erasedLogin(String subject) {
        return count("erasedSubjectDigest", Participant.subjectDigest(subject)) > 0;
    }

    public Optional<Participant> byEmailForUpdate(String email) {
        return find("email", email).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Everyone an import touches, in one query (locked: two imports of the same people run one after the other). */
    public List<Participant> byExternalIdOrEmailForUpdate(Collection<String> externalIds, Collection<String> emails) {
        return find("externalId in ?1 or email in ?2", externalIds, emails)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
