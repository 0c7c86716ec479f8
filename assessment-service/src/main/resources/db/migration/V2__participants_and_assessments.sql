-- Participants (pre-registered by HR and/or known from their first login) and their assessments.

create table participant (
    id                  uuid primary key,
    -- The OIDC subject; null while a participant is only pre-registered by HR.
    subject             varchar(255) unique,
    -- The HR system's id; null for participants HR never sent.
    external_id         varchar(100) unique,
    name                varchar(200) not null,
    -- Always lower case: logins are linked to HR records by email.
    email               varchar(320) not null unique check (email = lower(email)),
    department          varchar(200),
    manager_external_id varchar(100),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);

create table assessment (
    id                 uuid primary key,
    participant_id     uuid         not null references participant (id),
    -- The instrument version current when the assessment started; answers only make sense against it.
    instrument_version varchar(50)  not null,
    status             varchar(20)  not null check (status in ('IN_PROGRESS', 'COMPLETED')),
    answers            jsonb        not null default '{}',
    goals              jsonb        not null default '[]',
    preferences        jsonb,
    -- The whole evaluation as computed at completion, so later changes to the scoring rules never rewrite history.
    result             jsonb,
    started_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    completed_at       timestamptz,
    version            bigint       not null default 0,
    constraint completed_has_result
        check ((status = 'COMPLETED') = (completed_at is not null and result is not null))
);

-- At most one assessment in progress per participant, even when two starts race.
create unique index assessment_one_in_progress on assessment (participant_id) where status = 'IN_PROGRESS';
create index assessment_by_participant on assessment (participant_id, started_at);
create index assessment_by_status on assessment (status, started_at);
