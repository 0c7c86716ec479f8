-- The program report's queries as ProgramReports issues them (copied: keep in step with
-- src/main/java/dev/sparks/matching/report/ProgramReports.java), for a whole-program report (no filter) and for
-- one department and one month. Run by bench/report-scale against the generated data.
set client_min_messages = log;
set log_statement_stats = on;
set jit = off;
with facts as (
    select m.participant_id,
        min(m.invited_at) as first_invited_at,
        min(m.responded_at) filter (where m.status = 'ACCEPTED' or m.status = 'ENDED' and m.responded_at is not null) as first_accepted_at,
        (array_agg(m.status order by m.proposed_at desc, m.id desc))[1] as latest_status,
        (array_agg(m.proposed_at order by m.proposed_at desc, m.id desc))[1] as latest_proposed_at,
        (array_agg(m.responded_at order by m.proposed_at desc, m.id desc))[1] as latest_responded_at
    from match m
    
    group by m.participant_id
), journey as (
    select r.participant_id, r.first_completed_at, r.growth_areas,
        f.participant_id is not null as matched, f.first_invited_at, f.first_accepted_at,
        case
            when f.latest_status in ('PROPOSED', 'INVITED') then 'MATCHED'
            when f.latest_status = 'ACCEPTED' or f.latest_status = 'ENDED' and f.latest_responded_at is not null then 'ACCEPTED'
            when w.status = 'WAITING' then 'WAITING'
            when f.latest_status = 'DECLINED' then 'DECLINED'
            when r.first_completed_at is not null then 'COMPLETED'
            when r.started_at is not null then 'IN_PROGRESS'
            else 'INVITED_TO_ASSESS'
        end as status,
        case
            when f.latest_status in ('PROPOSED', 'INVITED') then f.latest_proposed_at
            when f.latest_status = 'ACCEPTED' or f.latest_status = 'ENDED' and f.latest_responded_at is not null then f.latest_responded_at
            when w.status = 'WAITING' then w.since
            when f.latest_status = 'DECLINED' then f.latest_responded_at
            when r.first_completed_at is not null then r.first_completed_at
            when r.started_at is not null then r.started_at
            else r.registered_at
        end as status_at
    from report_participant r
    left join facts f on f.participant_id = r.participant_id
    left join waiting_list w on w.participant_id = r.participant_id
    
), demand as (
    select g.trait, count(*) as wanted, count(*) filter (where status in ('COMPLETED', 'WAITING', 'DECLINED')) as unmet
    from journey j cross join lateral unnest(j.growth_areas) as g(trait)
    where first_completed_at is not null
    group by g.trait
)
select
    count(*) filter (where status = 'INVITED_TO_ASSESS'),
    count(*) filter (where status = 'IN_PROGRESS'),
    count(*) filter (where status = 'COMPLETED'),
    count(*) filter (where status = 'MATCHED'),
    count(*) filter (where status = 'WAITING'),
    count(*) filter (where status = 'ACCEPTED'),
    count(*) filter (where status = 'DECLINED'),
    count(*) filter (where first_completed_at is not null),
    count(*) filter (where first_completed_at is not null and matched),
    count(*) filter (where first_completed_at is not null and first_accepted_at is not null),
    count(*) filter (where first_completed_at is not null and first_invited_at is not null),
    percentile_cont(0.5) within group (order by extract(epoch from first_invited_at - first_completed_at)) filter (where first_completed_at is not null and first_invited_at is not null),
    percentile_cont(0.5) within group (order by extract(epoch from first_accepted_at - first_completed_at)) filter (where first_completed_at is not null and first_accepted_at is not null),
    (select cast(jsonb_object_agg(trait, jsonb_build_array(wanted, unmet)) as text) from demand)
from journey;
set jit = off;
with facts as (
    select m.participant_id,
        min(m.invited_at) as first_invited_at,
        min(m.responded_at) filter (where m.status = 'ACCEPTED' or m.status = 'ENDED' and m.responded_at is not null) as first_accepted_at,
        (array_agg(m.status order by m.proposed_at desc, m.id desc))[1] as latest_status,
        (array_agg(m.proposed_at order by m.proposed_at desc, m.id desc))[1] as latest_proposed_at,
        (array_agg(m.responded_at order by m.proposed_at desc, m.id desc))[1] as latest_responded_at
    from match m
    where m.participant_id in (select participant_id from report_participant where department in ('Department 3'))
    group by m.participant_id
), journey as (
    select r.participant_id, r.first_completed_at, r.growth_areas,
        f.participant_id is not null as matched, f.first_invited_at, f.first_accepted_at,
        case
            when f.latest_status in ('PROPOSED', 'INVITED') then 'MATCHED'
            when f.latest_status = 'ACCEPTED' or f.latest_status = 'ENDED' and f.latest_responded_at is not null then 'ACCEPTED'
            when w.status = 'WAITING' then 'WAITING'
            when f.latest_status = 'DECLINED' then 'DECLINED'
            when r.first_completed_at is not null then 'COMPLETED'
            when r.started_at is not null then 'IN_PROGRESS'
            else 'INVITED_TO_ASSESS'
        end as status,
        case
            when f.latest_status in ('PROPOSED', 'INVITED') then f.latest_proposed_at
            when f.latest_status = 'ACCEPTED' or f.latest_status = 'ENDED' and f.latest_responded_at is not null then f.latest_responded_at
            when w.status = 'WAITING' then w.since
            when f.latest_status = 'DECLINED' then f.latest_responded_at
            when r.first_completed_at is not null then r.first_completed_at
            when r.started_at is not null then r.started_at
            else r.registered_at
        end as status_at
    from report_participant r
    left join facts f on f.participant_id = r.participant_id
    left join waiting_list w on w.participant_id = r.participant_id
    where r.department in ('Department 3')
), demand as (
    select g.trait, count(*) as wanted, count(*) filter (where status in ('COMPLETED', 'WAITING', 'DECLINED')) as unmet
    from journey j cross join lateral unnest(j.growth_areas) as g(trait)
    where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01'
    group by g.trait
)
select
    count(*) filter (where status = 'INVITED_TO_ASSESS' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where status = 'IN_PROGRESS' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where status = 'COMPLETED' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where status = 'MATCHED' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where status = 'WAITING' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where status = 'ACCEPTED' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where status = 'DECLINED' and status_at >= timestamptz '2025-03-01' and status_at < timestamptz '2025-04-01'),
    count(*) filter (where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01'),
    count(*) filter (where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01' and matched),
    count(*) filter (where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01' and first_accepted_at is not null),
    count(*) filter (where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01' and first_invited_at is not null),
    percentile_cont(0.5) within group (order by extract(epoch from first_invited_at - first_completed_at)) filter (where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01' and first_invited_at is not null),
    percentile_cont(0.5) within group (order by extract(epoch from first_accepted_at - first_completed_at)) filter (where first_completed_at is not null and first_completed_at >= timestamptz '2025-03-01' and first_completed_at < timestamptz '2025-04-01' and first_accepted_at is not null),
    (select cast(jsonb_object_agg(trait, jsonb_build_array(wanted, unmet)) as text) from demand)
from journey;

select count(*) filter (where scores is not null),
    round(avg(cast(scores ->> 'FOCUS_AND_VISION_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'FOCUS_AND_VISION_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'APPROACH_TO_CHANGE_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'APPROACH_TO_CHANGE_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'RELATIONSHIP_WITH_RISK_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'RELATIONSHIP_WITH_RISK_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'DEVELOPING_PEOPLE_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'DEVELOPING_PEOPLE_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'DECISION_MAKING_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'DECISION_MAKING_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'TIME_ORIENTATION_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'TIME_ORIENTATION_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'TAKE_INITIATIVE' as numeric)), 2),
    round(avg(cast(scores ->> 'SPEAK_UP' as numeric)), 2),
    round(avg(cast(scores ->> 'SUPPORT_OTHERS' as numeric)), 2),
    round(avg(cast(scores ->> 'STAY_COMPOSED' as numeric)), 2),
    round(avg(cast(scores ->> 'TAKE_SMART_RISKS' as numeric)), 2),
    round(avg(cast(scores ->> 'MODEL_LEADERSHIP' as numeric)), 2)
from report_participant r where r.first_completed_at is not null;
select count(*) filter (where scores is not null),
    round(avg(cast(scores ->> 'FOCUS_AND_VISION_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'FOCUS_AND_VISION_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'APPROACH_TO_CHANGE_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'APPROACH_TO_CHANGE_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'RELATIONSHIP_WITH_RISK_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'RELATIONSHIP_WITH_RISK_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'DEVELOPING_PEOPLE_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'DEVELOPING_PEOPLE_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'DECISION_MAKING_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'DECISION_MAKING_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'TIME_ORIENTATION_MANAGEMENT' as numeric)), 2),
    round(avg(cast(scores ->> 'TIME_ORIENTATION_LEADERSHIP' as numeric)), 2),
    round(avg(cast(scores ->> 'TAKE_INITIATIVE' as numeric)), 2),
    round(avg(cast(scores ->> 'SPEAK_UP' as numeric)), 2),
    round(avg(cast(scores ->> 'SUPPORT_OTHERS' as numeric)), 2),
    round(avg(cast(scores ->> 'STAY_COMPOSED' as numeric)), 2),
    round(avg(cast(scores ->> 'TAKE_SMART_RISKS' as numeric)), 2),
    round(avg(cast(scores ->> 'MODEL_LEADERSHIP' as numeric)), 2)
from report_participant r where r.first_completed_at is not null and r.first_completed_at >= timestamptz '2025-03-01' and r.first_completed_at < timestamptz '2025-04-01' and r.department in ('Department 3');
select grouping(field), field, count(*), coalesce(sum(capacity), 0), coalesce(sum(reserved), 0),
    count(*) filter (where reserved >= capacity)
from mentor where not retired group by grouping sets ((field), ());
select s.trait, count(*),
    count(*) filter (where not retired and (availability = 'ACCEPTING' or (availability = 'PAUSED' and paused_until <= current_date)) and m.reserved < m.capacity),
    coalesce(sum(m.capacity - m.reserved) filter (where not retired and (availability = 'ACCEPTING' or (availability = 'PAUSED' and paused_until <= current_date)) and m.reserved < m.capacity), 0)
from mentor m cross join lateral jsonb_each_text(m.strengths) as s(trait, level)
where not m.retired and cast(s.level as int) >= 4 group by s.trait;

