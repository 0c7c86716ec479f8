-- The program report's read model (issue 9): every participant the program knows, from HR's registration on, with
-- the times the report filters on. Filled from participant.registered.v1, assessment.started.v1 and
-- assessment.completed.v1; what happened after completion is read from match and waiting_list.
create table report_participant (
    participant_id     uuid primary key,
    -- As HR last sent it; department_as_of is the ce_time of the event that said so, so the latest wins whichever
    -- topic it came from.
    department         varchar(200),
    department_as_of   timestamptz,
    registered_at      timestamptz,
    -- The first start and the first completion: a retake does not move a participant's place in the program.
    started_at         timestamptz,
    first_completed_at timestamptz,
    -- Scores and growth areas (trait names, most needed first) of the latest completed assessment.
    last_completed_at  timestamptz,
    scores             jsonb,
    growth_areas       varchar(60)[],
    updated_at         timestamptz  not null
);
create index report_participant_department_idx on report_participant (department);
create index report_participant_completed_idx on report_participant (first_completed_at);

-- The report reads each participant's latest match.
create index match_participant_latest_idx on match (participant_id, proposed_at desc, id desc);

-- Participants who completed before the report existed: their time and growth areas (scores were not kept).
insert into report_participant (participant_id, first_completed_at, last_completed_at, growth_areas, updated_at)
select p.id, p.completed_at, p.completed_at,
       array(select g ->> 'trait' from jsonb_array_elements(p.profile -> 'growthAreas') with ordinality as a(g, n)
             order by cast(g ->> 'rank' as int), n),
       now()
from participant p;
