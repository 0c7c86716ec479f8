-- Erasure (issue 9): participant.erased.v1 anonymises the participant's invitations and emails and cancels what has
-- not gone out. Names and addresses become null; the mentor's side of each row stays.
alter table invitation alter column participant_name drop not null;
alter table invitation alter column participant_email drop not null;
alter table notification alter column recipient_email drop not null;
create index invitation_by_participant on invitation (participant_id);

-- Whom each email is about, so an erasure finds every one (an introduction may exist without an invitation).
alter table notification add column participant_id uuid;
update notification n set participant_id = i.participant_id from invitation i where i.match_id = n.match_id;
create index notification_by_participant on notification (participant_id);

-- Participants erased so far: a match event about them that arrives after the erasure (another topic, or a replay)
-- creates no invitation and sends no email.
create table erased_participant (
    participant_id uuid primary key,
    erased_at      timestamptz not null
);
