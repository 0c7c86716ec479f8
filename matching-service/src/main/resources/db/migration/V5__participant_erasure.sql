-- Erasure (issue 9): participants whose personal data was erased (participant.erased.v1). The participant row, if
-- any, stays anonymised for the match history; this list outlives it and makes later events about the participant
-- (an assessment completed before the erasure, delivered after it) change nothing.
create table erased_participant (
    participant_id uuid primary key,
    erased_at      timestamptz not null
);
