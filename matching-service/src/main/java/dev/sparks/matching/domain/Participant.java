package dev.sparks.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A participant's latest completed assessment as matching needs it, kept so a decline, an expiry or the
 * waiting list can match again without asking assessment-service.
 */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    public String email;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public ParticipantProfile profile;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
