-- Erasure (issue 9): DELETE /participants/{id} keeps an anonymous participant row (id, department, created_at,
-- erased_at) and deletes their assessments; name, email, subject, external id and manager are gone.

alter table participant alter column name drop not null;
alter table participant alter column email drop not null;
alter table participant add column erased_at timestamptz;
-- SHA-256 (hex) of the OIDC subject the participant had: the only trace of the login, kept so that login (an old
-- token, or a new one of the same account) is refused instead of silently creating the person again.
alter table participant add column erased_subject_digest varchar(64);

alter table participant add constraint participant_erased_holds_no_identity check (
    erased_at is null
    or (name is null and email is null and subject is null and external_id is null and manager_external_id is null));
alter table participant add constraint participant_known_has_identity check (
    erased_at is not null or (name is not null and email is not null));

create unique index participant_erased_subject on participant (erased_subject_digest)
    where erased_subject_digest is not null;
