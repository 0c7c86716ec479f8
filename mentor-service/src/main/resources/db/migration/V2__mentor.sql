-- Mentor profiles. Ids are generated in Java (UUID) so Hibernate can batch the inserts of an import.
create table mentor (
    id           uuid          primary key,
    external_id  varchar(100)  not null,
    name         varchar(200)  not null,
    email        varchar(254)  not null,
    field        varchar(20)   not null,
    seniority    varchar(100),
    languages    varchar(2)[]  not null,
    time_zone    varchar(64)   not null,
    bio          varchar(1000),
    -- every trait's strength level 1-5, keyed by trait name
    strengths    jsonb         not null,
    offerings    varchar(30)[] not null,
    capacity     integer       not null check (capacity between 1 and 10),
    availability varchar(20)   not null check (availability in ('ACCEPTING', 'PAUSED', 'RETIRED')),
    paused_until date,
    exclusions   varchar(254)[] not null,
    version      bigint        not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    constraint mentor_external_id_key unique (external_id),
    constraint mentor_email_key unique (email)
);

-- The listing's stable order.
create index mentor_listing_idx on mentor (lower(name), name, id);
create index mentor_paused_idx on mentor (paused_until) where availability = 'PAUSED';

-- Idempotency-Key of HR imports: the first request's hash and its answer byte for byte (text, not jsonb), replayed for a retry.
create table mentor_import_request (
    caller          varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    response        text,
    created_at      timestamptz  not null default now(),
    primary key (caller, idempotency_key)
);
