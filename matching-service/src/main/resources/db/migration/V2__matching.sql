-- matching-service: the mentor read model, participant snapshots, matches, the waiting list and the policy.

-- Filled only from mentor.profile-changed.v1; reserved is this service's own count of capacity in use.
create table mentor (
    id              uuid primary key,
    external_id     varchar(200),
    name            varchar(300) not null,
    email           varchar(320) not null,
    bio             text,
    field           varchar(40),
    languages       varchar(100)[] not null,
    time_zone       varchar(100),
    strengths       jsonb        not null,
    offerings       text[]       not null,
    capacity        int          not null,
    reserved        int          not null default 0 check (reserved >= 0),
    availability    varchar(20)  not null,
    paused_until    date,
    retired         boolean      not null,
    exclusions      text[]       not null,
    profile_version bigint       not null,
    changed_at      timestamptz  not null
);
create index mentor_email_idx on mentor (email);

-- The latest assessment of each participant: what re-matching (decline, waiting list) needs without calling back.
create table participant (
    id            uuid primary key,
    external_id   varchar(200),
    name          varchar(300),
    email         varchar(320),
    assessment_id uuid         not null,
    profile       jsonb        not null,
    completed_at  timestamptz,
    updated_at    timestamptz  not null
);
create index participant_email_idx on participant (email);

create table match (
    id                uuid primary key,
    participant_id    uuid          not null references participant (id),
    mentor_id         uuid          not null references mentor (id),
    status            varchar(20)   not null,
    score             numeric(4, 1) not null,
    explanation       jsonb         not null,
    policy_version    bigint        not null,
    override_reason   text,
    created_by        varchar(300),
    proposed_at       timestamptz   not null,
    expires_at        timestamptz   not null,
    invited_at        timestamptz,
    responded_at      timestamptz,
    ended_at          timestamptz,
    status_changed_at timestamptz   not null,
    decline_reason    text,
    status_reason     text,
    version           bigint        not null default 0
);
-- At most one match per participant holds capacity at a time: the last line of defence against double matching.
create unique index match_one_open_per_participant on match (participant_id)
    where status in ('PROPOSED', 'INVITED', 'ACCEPTED');
create index match_mentor_idx on match (mentor_id, status);
create index match_status_expiry_idx on match (status, expires_at);

-- WAITING: no mentor fits yet, retried automatically; MANUAL: declined three times, a program-admin decides.
create table waiting_list (
    participant_id uuid primary key references participant (id),
    status         varchar(20)  not null,
    reason         text         not null,
    since          timestamptz  not null,
    last_tried_at  timestamptz  not null
);
create index waiting_list_since_idx on waiting_list (status, since);

create table matching_policy (
    version    bigint primary key,
    weights    jsonb        not null,
    created_at timestamptz  not null,
    created_by varchar(300) not null
);
insert into matching_policy (version, weights, created_at, created_by) values (1,
    '{"growthFitWeight":60,"goalCoverageWeight":25,"practicalFitWeight":15,"languageShare":40,"timeZoneShare":40,"fieldShare":20,"loadBalancing":10,"minimumScore":40}',
    now(), 'system');
