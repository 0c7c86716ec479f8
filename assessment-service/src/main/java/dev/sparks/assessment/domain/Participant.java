package dev.sparks.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String department;

    @Column(name = "manager_external_id")
    private String managerExternalId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

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
}
