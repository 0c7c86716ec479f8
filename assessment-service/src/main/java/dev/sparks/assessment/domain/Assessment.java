package dev.sparks.assessment.domain;

import dev.sparks.common.model.Goal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One sitting of the self-assessment by one participant, against the instrument version current when it started.
 * Answers accumulate while it is {@link AssessmentStatus#IN_PROGRESS}; completion stores the result and freezes it.
 * The participant is held by id, not as a relation: nothing here needs more of them, and a detached assessment can
 * be mapped to a response without touching the database again.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    private UUID id;

    @Column(name = "participant_id", nullable = false)
    private UUID participantId;

    @Column(name = "instrument_version", nullable = false)
    private String instrumentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Integer> answers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<Goal> goals;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private MatchPreferences preferences;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ResultSnapshot result;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** Guards against lost updates from concurrent saves of the same assessment. */
    @Version
    private long version;

    protected Assessment() {
    }

    public static Assessment start(UUID participantId, String instrumentVersion, Instant now) {
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.participantId = Objects.requireNonNull(participantId, "participantId");
        assessment.instrumentVersion = Objects.requireNonNull(instrumentVersion, "instrumentVersion");
        assessment.status = AssessmentStatus.IN_PROGRESS;
        assessment.answers = new LinkedHashMap<>();
        assessment.goals = List.of();
        assessment.startedAt = now;
        assessment.updatedAt = now;
        return assessment;
    }

    /**
     * Merges answers (a later answer to an item replaces the earlier one) and replaces goals and preferences when
     * given. The caller has validated them against {@link #instrumentVersion()}.
     */
    public void save(Map<String, Integer> newAnswers, List<Goal> newGoals, MatchPreferences newPreferences,
            Instant now) {
        requireInProgress();
        if (newAnswers != null && !newAnswers.isEmpty()) {
            Map<String, Integer> merged = new LinkedHashMap<>(answers);
            merged.putAll(newAnswers);
            answers = merged;
        }
        if (newGoals != null) {
            goals = List.copyOf(newGoals);
        }
        if (newPreferences != null) {
            preferences = newPreferences;
        }
        updatedAt = now;
    }

    public void complete(ResultSnapshot evaluation, Instant now) {
        requireInProgress();
        result = Objects.requireNonNull(evaluation, "evaluation");
        status = AssessmentStatus.COMPLETED;
        completedAt = now;
        updatedAt = now;
    }

    private void requireInProgress() {
        if (status != AssessmentStatus.IN_PROGRESS) {
            throw new IllegalStateException("assessment " + id + " is " + status);
        }
    }

    public boolean isCompleted() {
        return status == AssessmentStatus.COMPLETED;
    }

    public UUID id() {
        return id;
    }

    public UUID participantId() {
        return participantId;
    }

    public String instrumentVersion() {
        return instrumentVersion;
    }

    public AssessmentStatus status() {
        return status;
    }

    public Map<String, Integer> answers() {
        return Collections.unmodifiableMap(answers);
    }

    public List<Goal> goals() {
        return goals;
    }

    /** Null until the participant saved some. */
    public MatchPreferences preferences() {
        return preferences;
    }

    /** Null until completed. */
    public ResultSnapshot result() {
        return result;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public long version() {
        return version;
    }
}
