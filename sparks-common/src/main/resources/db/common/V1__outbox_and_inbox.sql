-- Shared by every service: the transactional outbox and the idempotent consumer's inbox.
-- Services number their own migrations from V2.

create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    event_type   varchar(200) not null,
    subject      varchar(200),
    payload      jsonb        not null,
    occurred_at  timestamptz  not null
);

create table processed_event (
    event_id     uuid primary key,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now()
);
