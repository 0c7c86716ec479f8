-- Synthetic data for bench/report-scale: 100,000 participants in 20 departments (80% completed, 10% started, 10%
-- registered only), 5,000 mentors, 90,000 matches (72,000 participants matched, a quarter after a decline) and
-- 8,000 on the waiting list.
select setseed(0.42);
insert into mentor (id, name, email, field, languages, strengths, offerings, capacity, reserved, availability, paused_until, retired, exclusions, profile_version, changed_at)
select gen_random_uuid(), 'm' || i, 'm' || i || '@x.test',
       (array['BUSINESS','HEALTHCARE','EDUCATION','TECHNOLOGY','OTHER'])[1 + i % 5], array['en'],
       (select jsonb_object_agg(t, 1 + floor(random() * 5)::int) from unnest(array['FOCUS_AND_VISION_MANAGEMENT','FOCUS_AND_VISION_LEADERSHIP','APPROACH_TO_CHANGE_MANAGEMENT','APPROACH_TO_CHANGE_LEADERSHIP','RELATIONSHIP_WITH_RISK_MANAGEMENT','RELATIONSHIP_WITH_RISK_LEADERSHIP','DEVELOPING_PEOPLE_MANAGEMENT','DEVELOPING_PEOPLE_LEADERSHIP','DECISION_MAKING_MANAGEMENT','DECISION_MAKING_LEADERSHIP','TIME_ORIENTATION_MANAGEMENT','TIME_ORIENTATION_LEADERSHIP','TAKE_INITIATIVE','SPEAK_UP','SUPPORT_OTHERS','STAY_COMPOSED','TAKE_SMART_RISKS','MODEL_LEADERSHIP']) t where i > 0),
       array['CAREER_ADVICE'], 5, 0, case when i % 10 = 0 then 'PAUSED' else 'ACCEPTING' end, null, i % 50 = 0, array[]::text[], 1, now()
from generate_series(1, 5000) i;

create temporary table traits as select unnest(array['FOCUS_AND_VISION_MANAGEMENT','FOCUS_AND_VISION_LEADERSHIP','APPROACH_TO_CHANGE_MANAGEMENT','APPROACH_TO_CHANGE_LEADERSHIP','RELATIONSHIP_WITH_RISK_MANAGEMENT','RELATIONSHIP_WITH_RISK_LEADERSHIP','DEVELOPING_PEOPLE_MANAGEMENT','DEVELOPING_PEOPLE_LEADERSHIP','DECISION_MAKING_MANAGEMENT','DECISION_MAKING_LEADERSHIP','TIME_ORIENTATION_MANAGEMENT','TIME_ORIENTATION_LEADERSHIP','TAKE_INITIATIVE','SPEAK_UP','SUPPORT_OTHERS','STAY_COMPOSED','TAKE_SMART_RISKS','MODEL_LEADERSHIP']) as t;

insert into report_participant (participant_id, department, department_as_of, registered_at, started_at, first_completed_at, last_completed_at, scores, growth_areas, updated_at)
select gen_random_uuid(), 'Department ' || (i % 20), now(),
       timestamptz '2025-01-01' + (i % 365) * interval '1 day',
       case when i % 10 < 9 then timestamptz '2025-01-03' + (i % 365) * interval '1 day' end,
       case when i % 10 < 8 then timestamptz '2025-01-05' + (i % 365) * interval '1 day' end,
       case when i % 10 < 8 then timestamptz '2025-01-05' + (i % 365) * interval '1 day' end,
       case when i % 10 < 8 then (select jsonb_object_agg(t, floor(random() * 101)::int) from traits where i > 0) end,
       case when i % 10 < 8 then (select array_agg(t) from (select t from traits where i > 0 order by random() limit 5) x) end,
       now()
from generate_series(1, 100000) i;

-- the matching participant snapshot the match table refers to
insert into participant (id, assessment_id, profile, completed_at, updated_at)
select participant_id, gen_random_uuid(), '{}', first_completed_at, now() from report_participant where first_completed_at is not null;

create temporary table mentor_ids as select id, row_number() over () as n from mentor where not retired;
-- one match each for 90% of the completed, a second (after a decline) for a quarter of those
insert into match (id, participant_id, mentor_id, status, score, explanation, policy_version, proposed_at, expires_at, invited_at, responded_at, status_changed_at)
select gen_random_uuid(), p.participant_id, (select id from mentor_ids where n = 1 + (abs(hashtext(p.participant_id::text)) % 4900)),
       case when k % 8 = 0 then 'PROPOSED' when k % 8 = 1 then 'INVITED' when k % 8 = 2 then 'DECLINED' else 'ACCEPTED' end,
       80.0, '{}', 1, p.first_completed_at + interval '1 hour', p.first_completed_at + interval '8 days',
       case when k % 8 <> 0 then p.first_completed_at + interval '1 day' end,
       case when k % 8 >= 2 then p.first_completed_at + interval '3 days' end, now()
from (select participant_id, first_completed_at, row_number() over () as k from report_participant where first_completed_at is not null) p
where k % 10 <> 0;
insert into waiting_list (participant_id, status, reason, since, last_tried_at)
select participant_id, 'WAITING', 'none fits', now(), now()
from (select participant_id, row_number() over () as k from report_participant where first_completed_at is not null) p
where k % 10 = 0;
analyze;
update mentor m set reserved = least(m.capacity, x.c) from (select mentor_id, count(*) c from match where status in ('PROPOSED','INVITED','ACCEPTED') group by mentor_id) x where x.mentor_id = m.id;
analyze;
insert into match (id, participant_id, mentor_id, status, score, explanation, policy_version, proposed_at, expires_at, invited_at, responded_at, status_changed_at)
select gen_random_uuid(), m.participant_id, m.mentor_id, 'DECLINED', 70.0, '{}', 1, m.proposed_at - interval '30 minutes', m.expires_at, m.proposed_at - interval '20 minutes', m.proposed_at - interval '10 minutes', now()
from (select *, row_number() over () k from match) m where k % 4 = 0;
analyze;
select (select count(*) from report_participant) participants, (select count(*) from match) matches, (select count(*) from mentor) mentors, (select count(*) from waiting_list) waiting;
