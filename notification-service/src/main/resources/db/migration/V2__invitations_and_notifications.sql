-- The invitations this service owns and every email it sends.

create table invitation (
    id                uuid primary key,
    match_id          uuid         not null,
    participant_id    uuid         not null,
    participant_name  varchar(300) not null,
    participant_email varchar(320) not null,
    mentor_id         uuid         not null,
    mentor_name       varchar(300) not null,
    mentor_email      varchar(320) not null,
    mentor_bio        text,
    reasons           jsonb        not null,
    status            varchar(20)  not null,
    -- EMAIL when answered through the link, MATCH when match.status-changed.v1 closed it (front-end, admin, expiry)
    closed_by         varchar(20),
    decline_reason    text,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    closed_at         timestamptz,
    version           bigint       not null default 0,
    constraint invitation_once_per_match unique (match_id)
);
create index invitation_open_by_expiry on invitation (expires_at) where status = 'OPEN';

-- Only the SHA-256 of each link's token is kept: a database leak reveals no working link.
-- An invitation may have several links (the invitation email, the reminder); all answer the same invitation.
create table invitation_link (
    token_hash      varchar(64) primary key,
    invitation_id   uuid        not null references invitation (id),
    notification_id uuid        not null,
    issued_at       timestamptz not null
);
create index invitation_link_by_invitation on invitation_link (invitation_id);

create table notification (
    id              uuid primary key,
    match_id        uuid         not null,
    invitation_id   uuid references invitation (id),
    kind            varchar(40)  not null,
    recipient_email varchar(320) not null,
    recipient_name  varchar(300),
    details         jsonb        not null,
    status          varchar(20)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(1000),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    message_id      varchar(300) not null,
    version         bigint       not null default 0,
    -- exactly one invitation, one reminder, one introduction per side... per match, whatever is redelivered
    constraint notification_once_per_match_and_kind unique (match_id, kind)
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_recipient on notification (recipient_email);
create index notification_by_status on notification (status, created_at);
