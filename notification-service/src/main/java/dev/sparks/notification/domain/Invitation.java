package dev.sparks.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The invitation of one participant to one match: answered once, through any of its links, until it expires. */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "match_id", nullable = false, unique = true)
    public UUID matchId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    /** Null once the participant was erased. */
    @Column(name = "participant_name")
    public String participantName;

    /** Null once the participant was erased. */
    @Column(name = "participant_email")
    public String participantEmail;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "mentor_name", nullable = false)
    public String mentorName;

    @Column(name = "mentor_email", nullable = false)
    public String mentorEmail;

    @Column(name = "mentor_bio")
    public String mentorBio;

    /** The explanation's reasons as a JSON array of sentences, best first. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvitationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by")
    public ClosedBy closedBy;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the participant completed the assessment this invitation answers; null when the proposal did not say. */
    @Column(name = "assessment_completed_at")
    public Instant assessmentCompletedAt;

    @Version
    public long version;

    /** Whether the link can still be answered at {@code now}. */
    public boolean answerableAt(Instant now) {
        return status.isOpen() && now.isBefore(expiresAt);
    }

    /** Open, but its time is up: the expiry job (or the next answer attempt) will close it. */
    public boolean overdueAt(Instant now) {
        return status.isOpen() && !now.isBefore(expiresAt);
    }

    public void close(InvitationStatus outcome, ClosedBy by, Instant at) {
        if (!status.isOpen()) {
            throw new IllegalStateException("invitation " + id + " is already " + status);
        }
        status = outcome;
        closedBy = by;
        closedAt = at;
    }
}
