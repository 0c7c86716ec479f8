package dev.sparks.matching.domain;

import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.model.MatchStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A proposed pairing of a participant and a mentor, with why it was made and where it stands. */
@Entity
@Table(name = "match")
public class Match {

    @Id
    public UUID id;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "mentor_id")
    public UUID mentorId;

    @Enumerated(EnumType.STRING)
    public MatchStatus status;

    public BigDecimal score;

    /** The score's parts and the strongest reasons, exactly as match.proposed.v1 carried them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public MatchProposedV1.Explanation explanation;

    @Column(name = "policy_version")
    public long policyVersion;

    /** Set when a program-admin matched by hand despite a hard rule: why. */
    @Column(name = "override_reason")
    public String overrideReason;

    /** Who made a manual match; null when matching chose the mentor. */
    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "invited_at")
    public Instant invitedAt;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "decline_reason")
    public String declineReason;

    /** Why the status last changed, in words (e.g. "the invitation expired"). */
    @Column(name = "status_reason")
    public String statusReason;

    /** Two answers to one match at once: the second gets 409 (API) or is retried and then ignored (events). */
    @Version
    public long version;
}
