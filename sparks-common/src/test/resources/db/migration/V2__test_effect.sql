-- What the inbox tests' handler writes: one row per applied event.
create table test_effect (
    id          bigint generated always as identity primary key,
    event_id    uuid not null,
    applied_at  timestamptz not null default now()
);
