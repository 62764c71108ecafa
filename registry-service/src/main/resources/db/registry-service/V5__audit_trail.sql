-- The tamper-evident audit trail: every lifecycle change and ledger movement, each entry carrying
-- the SHA-256 of the entry before it. The hash covers the stored text exactly (details are kept as
-- the canonical JSON text that was hashed), so a verifier can recompute it from the row alone.
create table audit_entry (
    seq           bigint      primary key check (seq >= 1),
    recorded_at   timestamptz not null,
    action        text        not null check (action ~ '^[A-Z][A-Z0-9_]*$'),
    subject_type  text        not null,
    subject_id    text        not null,
    actor_id      uuid,
    details       text        not null,
    previous_hash char(64)    not null,
    hash          char(64)    not null unique
);
create index audit_entry_subject on audit_entry (subject_type, subject_id, seq);

-- The chain's head: one row, locked by each append, so entries get consecutive numbers and each
-- links to the one committed before it.
create table audit_head (
    id   boolean  primary key default true check (id),
    seq  bigint   not null,
    hash char(64) not null
);
insert into audit_head (seq, hash) values (0, repeat('0', 64));

-- Defence in depth: the application never changes an entry. The chain check still catches a
-- change made by someone who disables this trigger.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only' using errcode = 'check_violation';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each statement execute function audit_entry_append_only();
