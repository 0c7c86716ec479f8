package dev.sparks.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A person taking assessments. Known from their first login (subject, name, email from the token), from HR's
 * pre-registration (external id, department, manager), or both: a login links to an HR record with the same email.
 */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    private UUID id;

    private String subject;

    @Column(name = "external_id")
    private String externalId;

    /** Null only once erased. */
    private String name;

    /** Null only once erased. */
    private String email;

    private String department;

    @Column(name = "manager_external_id")
    private String managerExternalId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Set once the participant's personal data was erased; the row then only counts, it names nobody. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    /** {@link #subjectDigest} of the subject the erased participant logged in with, so that login stays refused. */
    @Column(name = "erased_subject_digest")
    private String erasedSubjectDigest;

    protected Participant() {
    }

    /** Someone who logged in before HR sent them. */
    public static Participant fromLogin(String subject, String name, String email, Instant now) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.subject = Objects.requireNonNull(subject, "subject");
        participant.name = name;
        participant.email = email;
        participant.createdAt = now;
        participant.updatedAt = now;
        return participant;
    }

    /** Someone HR pre-registered; the subject follows at their first login. */
    public static Participant fromRegistration(RegistrationRow row, Instant now) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.externalId = row.externalId();
        participant.name = row.name();
        participant.email = row.email();
        participant.department = row.department();
        participant.managerExternalId = row.managerExternalId();
        participant.createdAt = now;
        participant.updatedAt = now;
        return participant;
    }

    /** A login: the token is the authority on who the person is and how they are called. */
    public void loggedIn(String subject, String name, String email, Instant now) {
        if (!Objects.equals(this.subject, subject) || !Objects.equals(this.name, name)
                || !Objects.equals(this.email, email)) {
            this.subject = subject;
            this.name = name;
            this.email = email;
            this.updatedAt = now;
        }
    }

    /** Whether HR's row says exactly what is stored. */
    public boolean matches(RegistrationRow row) {
        return Objects.equals(externalId, row.externalId()) && Objects.equals(name, row.name())
                && Objects.equals(email, row.email()) && Objects.equals(department, row.department())
                && Objects.equals(managerExternalId, row.managerExternalId());
    }

    /** HR is the authority on the external id, department and manager, and on name and email until a login. */
    public void registered(RegistrationRow row, Instant now) {
        externalId = row.externalId();
        name = row.name();
        email = row.email();
        department = row.department();
        managerExternalId = row.managerExternalId();
        updatedAt = now;
    }

    /**
     * Erasure: forgets who the person is (name, email, login subject, HR's external id and manager) and keeps what
     * only counts (id, department, creation time). The subject survives as a one-way digest, so the same login is
     * recognised and refused rather than silently creating the person again. Erasing twice changes nothing.
     */
    public void erase(Instant now) {
        if (isErased()) {
            return;
        }
        erasedSubjectDigest = subject == null ? null : subjectDigest(subject);
        subject = null;
        name = null;
        email = null;
        externalId = null;
        managerExternalId = null;
        erasedAt = now;
        updatedAt = now;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Null unless erased. */
    public Instant erasedAt() {
        return erasedAt;
    }

    /** Lower-case hex SHA-256 of an OIDC subject. */
    public static String subjectDigest(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public UUID id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String externalId() {
        return externalId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String department() {
        return department;
    }

    public String managerExternalId() {
        return managerExternalId;
    }

    /** When the participant first became known (HR's registration or the first login). */
    public Instant createdAt() {
        return createdAt;
    }
}
