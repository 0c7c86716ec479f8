package dev.sparks.matching.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.model.Behaviour;
import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import dev.sparks.matching.domain.MentorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the program report in PostgreSQL: a handful of aggregate queries over the report's read model, the
 * matches, the waiting list and the mentors, so the work grows with the tables and not with what Java would have to
 * load (see the README for the measured time at 100,000 participants). All queries read one snapshot.
 */
@ApplicationScoped
public class ProgramReports {

    /** A strength level from which a mentor counts as strong in a trait (4 = a clear strength, 5 = a role model). */
    public static final int STRONG_LEVEL = 4;

    private static final List<String> STATUSES = List.of("INVITED_TO_ASSESS", "IN_PROGRESS", "COMPLETED", "MATCHED",
            "WAITING", "ACCEPTED", "DECLINED");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;

    public ProgramReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public ProgramReport report(ReportFilter filter) {
        // one snapshot for every query, so the sections agree with each other
        entityManager.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        // compiling these one-off aggregates took longer than running them (measured at 100,000 participants)
        entityManager.createNativeQuery("set local jit = off").executeUpdate();
        String cohort = cohort(filter, "first_completed_at");
        Object[] flow = (Object[]) bind(entityManager.createNativeQuery(journey(filter) + """
                , demand as (
                    select g.trait, count(*) as wanted,
                        count(*) filter (where status in ('COMPLETED', 'WAITING', 'DECLINED')) as unmet
                    from journey j cross join lateral unnest(j.growth_areas) as g(trait)
                    where %1$s
                    group by g.trait
                )
                select
                """.formatted(cohort) + statusCounts(filter) + """
                    count(*) filter (where %1$s),
                    count(*) filter (where %1$s and matched),
                    count(*) filter (where %1$s and first_accepted_at is not null),
                    count(*) filter (where %1$s and first_invited_at is not null),
                    percentile_cont(0.5) within group (order by extract(epoch from first_invited_at - first_completed_at))
                        filter (where %1$s and first_invited_at is not null),
                    percentile_cont(0.5) within group (order by extract(epoch from first_accepted_at - first_completed_at))
                        filter (where %1$s and first_accepted_at is not null),
                    (select cast(jsonb_object_agg(trait, jsonb_build_array(wanted, unmet)) as text) from demand)
                from journey
                """.formatted(cohort)), filter).getSingleResult();

        long[] statuses = new long[STATUSES.size()];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = number(flow[i]);
        }
        int at = statuses.length;
        long completed = number(flow[at]);
        long matched = number(flow[at + 1]);
        long accepted = number(flow[at + 2]);
        long invited = number(flow[at + 3]);
        ProgramReport.Participants participants = new ProgramReport.Participants(sum(statuses), statuses[0],
                statuses[1], statuses[2], statuses[3], statuses[4], statuses[5], statuses[6]);
        ProgramReport.Conversion conversion = new ProgramReport.Conversion(completed, matched, accepted,
                ratio(matched, completed), ratio(accepted, matched));
        return new ProgramReport(Instant.now().truncatedTo(ChronoUnit.SECONDS),
                new ProgramReport.Filters(filter.from(), filter.to(), filter.departments()),
                participants, conversion, timeTo(invited, flow[at + 4]), timeTo(accepted, flow[at + 5]),
                utilisation(), scores(filter), growthAreas(demand((String) flow[at + 6])));
    }

    /**
     * One row per participant in the departments: their current status and the time they entered it, whether they
     * ever had a match, their first invitation and first acceptance. One pass over the matches gives each
     * participant's first times and their latest match.
     */
    private static String journey(ReportFilter filter) {
        boolean departments = !filter.departments().isEmpty();
        return """
                with facts as (
                    select m.participant_id,
                        min(m.invited_at) as first_invited_at,
                        min(m.responded_at) filter (where m.status = 'ACCEPTED'
                            or m.status = 'ENDED' and m.responded_at is not null) as first_accepted_at,
                        (array_agg(m.status order by m.proposed_at desc, m.id desc))[1] as latest_status,
                        (array_agg(m.proposed_at order by m.proposed_at desc, m.id desc))[1] as latest_proposed_at,
                        (array_agg(m.responded_at order by m.proposed_at desc, m.id desc))[1] as latest_responded_at
                    from match m
                    %s
                    group by m.participant_id
                ), journey as (
                    select r.participant_id, r.first_completed_at, r.growth_areas,
                        f.participant_id is not null as matched, f.first_invited_at, f.first_accepted_at,
                        case
                            when f.latest_status in ('PROPOSED', 'INVITED') then 'MATCHED'
                            when f.latest_status = 'ACCEPTED'
                                or f.latest_status = 'ENDED' and f.latest_responded_at is not null then 'ACCEPTED'
                            when w.status = 'WAITING' then 'WAITING'
                            when f.latest_status = 'DECLINED' then 'DECLINED'
                            when r.first_completed_at is not null then 'COMPLETED'
                            when r.started_at is not null then 'IN_PROGRESS'
                            else 'INVITED_TO_ASSESS'
                        end as status,
                        case
                            when f.latest_status in ('PROPOSED', 'INVITED') then f.latest_proposed_at
                            when f.latest_status = 'ACCEPTED'
                                or f.latest_status = 'ENDED' and f.latest_responded_at is not null
                                then f.latest_responded_at
                            when w.status = 'WAITING' then w.since
                            when f.latest_status = 'DECLINED' then f.latest_responded_at
                            when r.first_completed_at is not null then r.first_completed_at
                            when r.started_at is not null then r.started_at
                            else r.registered_at
                        end as status_at
                    from report_participant r
                    left join facts f on f.participant_id = r.participant_id
                    left join waiting_list w on w.participant_id = r.participant_id
                    %s
                )
                """.formatted(
                departments ? "where m.participant_id in (select d.participant_id from report_participant d"
                        + " where d.department in (:departments))" : "",
                departments ? "where r.department in (:departments)" : "");
    }

    private static String statusCounts(ReportFilter filter) {
        StringBuilder columns = new StringBuilder();
        for (String status : STATUSES) {
            columns.append("    count(*) filter (where status = '").append(status).append('\'')
                    .append(range(filter, "status_at")).append("),\n");
        }
        return columns.toString();
    }

    /** Participants who first completed in the date range: the cohort of every figure after the statuses. */
    private static String cohort(ReportFilter filter, String column) {
        return column + " is not null" + range(filter, column);
    }

    private static String range(ReportFilter filter, String column) {
        return (filter.start().isPresent() ? " and " + column + " >= :start" : "")
                + (filter.end().isPresent() ? " and " + column + " < :end" : "");
    }

    private Query bind(Query query, ReportFilter filter) {
        if (!filter.departments().isEmpty()) {
            query.setParameter("departments", filter.departments());
        }
        filter.start().ifPresent(start -> query.setParameter("start", start.atOffset(ZoneOffset.UTC)));
        filter.end().ifPresent(end -> query.setParameter("end", end.atOffset(ZoneOffset.UTC)));
        return query;
    }

    private ProgramReport.MentorUtilisation utilisation() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select grouping(field), field, count(*), coalesce(sum(capacity), 0), coalesce(sum(reserved), 0),
                    count(*) filter (where reserved >= capacity)
                from mentor
                where not retired
                group by grouping sets ((field), ())
                """).getResultList();
        ProgramReport.Utilisation overall = null;
        List<ProgramReport.Utilisation> byField = new ArrayList<>();
        for (Object[] row : rows) {
            long capacity = number(row[3]);
            long reserved = number(row[4]);
            boolean total = number(row[0]) == 1;
            ProgramReport.Utilisation utilisation = new ProgramReport.Utilisation(
                    total || row[1] == null ? null : Field.valueOf((String) row[1]), number(row[2]), capacity,
                    reserved, number(row[5]), ratio(reserved, capacity));
            if (total) {
                overall = utilisation;
            } else {
                byField.add(utilisation);
            }
        }
        byField.sort(Comparator.comparing(ProgramReport.Utilisation::field,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new ProgramReport.MentorUtilisation(overall, byField);
    }

    private ProgramReport.Scores scores(ReportFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) filter (where scores is not null)");
        Trait[] traits = Trait.values();
        for (Trait trait : traits) {
            // trait names are enum constants, never input
            sql.append(",\n    round(avg(cast(scores ->> '").append(trait.name()).append("' as numeric)), 2)");
        }
        sql.append("\nfrom report_participant r where ").append(cohort(filter, "r.first_completed_at"));
        if (!filter.departments().isEmpty()) {
            sql.append(" and r.department in (:departments)");
        }
        Object[] row = (Object[]) bind(entityManager.createNativeQuery(sql.toString()), filter).getSingleResult();
        Map<Trait, BigDecimal> averages = new EnumMap<>(Trait.class);
        for (Trait trait : traits) {
            averages.put(trait, (BigDecimal) row[1 + trait.ordinal()]);
        }
        List<ProgramReport.DimensionScores> dimensions = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            dimensions.add(new ProgramReport.DimensionScores(dimension,
                    averages.get(Trait.of(dimension, Side.MANAGEMENT)),
                    averages.get(Trait.of(dimension, Side.LEADERSHIP))));
        }
        List<ProgramReport.BehaviourScore> behaviours = new ArrayList<>();
        for (Behaviour behaviour : Behaviour.values()) {
            behaviours.add(new ProgramReport.BehaviourScore(behaviour, averages.get(Trait.of(behaviour))));
        }
        return new ProgramReport.Scores(number(row[0]), dimensions, behaviours);
    }

    /** Per trait named in the cohort's growth areas: [participants wanting it, of them without a mentor now]. */
    private static Map<Trait, long[]> demand(String json) {
        Map<Trait, long[]> demand = new EnumMap<>(Trait.class);
        if (json == null) {
            return demand;
        }
        try {
            JSON.readTree(json).fields().forEachRemaining(entry -> {
                Trait trait = trait(entry.getKey());
                if (trait != null) {
                    demand.put(trait, new long[] {entry.getValue().get(0).asLong(), entry.getValue().get(1).asLong()});
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL answered JSON that is not JSON", e);
        }
        return demand;
    }

    /** Demand from the cohort's growth areas, supply from the mentors as they are now; biggest gap first. */
    private List<ProgramReport.GrowthAreaSupply> growthAreas(Map<Trait, long[]> demand) {
        @SuppressWarnings("unchecked")
        List<Object[]> supplyRows = entityManager.createNativeQuery("""
                select s.trait, count(*),
                    count(*) filter (where %1$s and m.reserved < m.capacity),
                    coalesce(sum(m.capacity - m.reserved) filter (where %1$s and m.reserved < m.capacity), 0)
                from mentor m cross join lateral jsonb_each_text(m.strengths) as s(trait, level)
                where not m.retired and cast(s.level as int) >= %2$d
                group by s.trait
                """.formatted(MentorRepository.ACCEPTING, STRONG_LEVEL)).getResultList();
        Map<Trait, long[]> figures = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            figures.put(trait, new long[5]);
        }
        demand.forEach((trait, wanted) -> {
            figures.get(trait)[0] = wanted[0];
            figures.get(trait)[1] = wanted[1];
        });
        for (Object[] row : supplyRows) {
            long[] values = figures.get(trait(row[0]));
            if (values != null) {
                values[2] = number(row[1]);
                values[3] = number(row[2]);
                values[4] = number(row[3]);
            }
        }
        List<ProgramReport.GrowthAreaSupply> areas = new ArrayList<>();
        figures.forEach((trait, v) -> areas.add(
                new ProgramReport.GrowthAreaSupply(trait, v[0], v[1], v[2], v[3], v[4], v[1] - v[4])));
        areas.sort(Comparator.comparingLong(ProgramReport.GrowthAreaSupply::gap).reversed()
                .thenComparing(Comparator.comparingLong(ProgramReport.GrowthAreaSupply::demand).reversed())
                .thenComparing(ProgramReport.GrowthAreaSupply::trait));
        return areas;
    }

    /** A trait named in the data, or null for one this service does not know (a newer producer's). */
    private static Trait trait(Object name) {
        try {
            return Trait.valueOf((String) name);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
    }

    private static ProgramReport.TimeTo timeTo(long measured, Object median) {
        if (median == null) {
            return new ProgramReport.TimeTo(measured, null, null);
        }
        long seconds = Math.round(((Number) median).doubleValue());
        return new ProgramReport.TimeTo(measured, seconds, Duration.ofSeconds(seconds).toString());
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
