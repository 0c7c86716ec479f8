-- Cohort matching (issue 7): the program's matching mode, the pool of participants waiting for a run, and the runs.

-- One row. mode null = the configured default (sparks.matching.mode). Matchmaker reads it "for share" and a change
-- takes it "for update", so no completion slips into the pool while a switch moves the pool to the waiting list.
create table program_settings (
    id          smallint primary key check (id = 1),
    mode        varchar(20),
    next_run_at timestamptz,
    objective   varchar(30)  not null default 'best-score',
    threshold   int          not null default 0 check (threshold between 0 and 100),
    updated_at  timestamptz,
    updated_by  varchar(300)
);
insert into program_settings (id) values (1);

-- Completed assessments waiting for the next cohort run (cohort mode). The waiting-list drain never reads it.
create table cohort_pool (
    participant_id uuid primary key references participant (id),
    since          timestamptz not null,
    last_run_id    uuid,
    last_outcome   text
);
create index cohort_pool_since_idx on cohort_pool (since, participant_id);

create table matching_run (
    id             uuid primary key,
    state          varchar(20)  not null,
    phase          varchar(20),
    objective      varchar(30)  not null,
    threshold      int,
    dry_run        boolean      not null,
    requested_by   varchar(300) not null,
    requested_at   timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    heartbeat_at   timestamptz  not null,
    progress_done  int          not null default 0,
    progress_total int          not null default 0,
    report         jsonb,
    error          text
);
-- Two runs never overlap, whichever replica or scheduler starts them: at most one row is PENDING or RUNNING.
create unique index matching_run_one_active on matching_run ((true)) where state in ('PENDING', 'RUNNING');
create index matching_run_requested_idx on matching_run (requested_at desc, id);
