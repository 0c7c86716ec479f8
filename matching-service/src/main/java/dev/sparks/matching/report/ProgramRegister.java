package dev.sparks.matching.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.AssessmentStartedV1;
import dev.sparks.common.events.ParticipantRegisteredV1;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps the program report's read model ({@code report_participant}) from assessment-service's events, inside the
 * consuming transaction (the inbox makes each event count once). Each update is one upsert that merges rather
 * than overwrites, so events of one participant may arrive in any order across topics: the earliest registration,
 * start and completion stay; the latest department (by the event's time) and the latest assessment's scores win.
 */
@ApplicationScoped
public class ProgramRegister {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String LATEST_DEPARTMENT = """
            department = case when report_participant.department_as_of is null
                    or excluded.department_as_of >= report_participant.department_as_of
                then excluded.department else report_participant.department end,
            department_as_of = greatest(report_participant.department_as_of, excluded.department_as_of),
            """;

    private final EntityManager entityManager;

    public ProgramRegister(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @param eventTime the event's ce_time: when assessment-service recorded the department */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(ParticipantRegisteredV1 event, Instant eventTime) {
        entityManager.createNativeQuery("""
                        insert into report_participant (participant_id, department, department_as_of, registered_at,
                            updated_at)
                        values (?1, ?2, ?3, ?4, now())
                        on conflict (participant_id) do update set
                        """ + LATEST_DEPARTMENT + """
                            registered_at = least(report_participant.registered_at, excluded.registered_at),
                            updated_at = now()
                        """)
                .setParameter(1, event.participantId())
                .setParameter(2, department(event.department()))
                .setParameter(3, timestamp(first(eventTime, event.registeredAt())))
                .setParameter(4, timestamp(first(event.registeredAt(), eventTime)))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void started(AssessmentStartedV1 event, Instant eventTime) {
        entityManager.createNativeQuery("""
                        insert into report_participant (participant_id, department, department_as_of, started_at,
                            updated_at)
                        values (?1, ?2, ?3, ?4, now())
                        on conflict (participant_id) do update set
                        """ + LATEST_DEPARTMENT + """
                            started_at = least(report_participant.started_at, excluded.started_at),
                            updated_at = now()
                        """)
                .setParameter(1, event.participantId())
                .setParameter(2, department(event.department()))
                .setParameter(3, timestamp(first(eventTime, event.startedAt())))
                .setParameter(4, timestamp(first(event.startedAt(), eventTime)))
                .executeUpdate();
    }

    /** The first completion dates the participant's place; the latest completion's scores and growth areas count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(AssessmentCompletedV1 event) {
        Instant completedAt = event.completedAt() == null ? Instant.now() : event.completedAt();
        entityManager.createNativeQuery("""
                        insert into report_participant (participant_id, first_completed_at, last_completed_at, scores,
                            growth_areas, updated_at)
                        select cast(?1 as uuid), cast(?2 as timestamptz), cast(?2 as timestamptz), cast(?3 as jsonb),
                            cast(string_to_array(?4, ',') as varchar(60)[]), now()
                        where not exists (select 1 from erased_participant e where e.participant_id = ?1)
                        on conflict (participant_id) do update set
                            first_completed_at = least(report_participant.first_completed_at,
                                excluded.first_completed_at),
                            scores = case when report_participant.last_completed_at is null
                                    or excluded.last_completed_at >= report_participant.last_completed_at
                                then excluded.scores else report_participant.scores end,
                            growth_areas = case when report_participant.last_completed_at is null
                                    or excluded.last_completed_at >= report_participant.last_completed_at
                                then excluded.growth_areas else report_participant.growth_areas end,
                            last_completed_at = greatest(report_participant.last_completed_at,
                                excluded.last_completed_at),
                            updated_at = now()
                        """)
                .setParameter(1, event.participantId())
                .setParameter(2, timestamp(completedAt))
                .setParameter(3, scores(event.scores()))
                .setParameter(4, growthAreas(event.growthAreas()))
                .executeUpdate();
    }

    /**
     * Erasure: the participant's assessment results (scores, growth areas) go, as they do in assessment-service;
     * the anonymous facts (department, times) stay, so the program's counts do not change after the fact. A
     * completion delivered after the erasure changes nothing ({@link #completed} checks the erased list).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID participantId) {
        entityManager.createNativeQuery(
                        "update report_participant set scores = null, growth_areas = null, updated_at = now()"
                                + " where participant_id = ?1")
                .setParameter(1, participantId)
                .executeUpdate();
    }

    private static String scores(Map<Trait, Integer> scores) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        if (scores != null) {
            scores.forEach((trait, score) -> {
                if (trait != null && score != null) {
                    byName.put(trait.name(), score);
                }
            });
        }
        try {
            return JSON.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of names to numbers is always JSON", e);
        }
    }

    /** The trait names, most needed first, comma-separated (enum constants: no comma inside a name). */
    private static String growthAreas(List<GrowthArea> areas) {
        List<String> names = areas == null ? List.of() : areas.stream()
                .filter(area -> area != null && area.trait() != null)
                .sorted(Comparator.comparingInt(GrowthArea::rank))
                .map(area -> area.trait().name())
                .distinct()
                .toList();
        return String.join(",", names);
    }

    /** Trimmed, blank as null, cut to the column's 200 characters rather than refusing the event. */
    private static String department(String department) {
        if (department == null || department.isBlank()) {
            return null;
        }
        String trimmed = department.strip();
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }

    private static Instant first(Instant preferred, Instant fallback) {
        return Objects.requireNonNullElse(preferred, fallback == null ? Instant.now() : fallback);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
