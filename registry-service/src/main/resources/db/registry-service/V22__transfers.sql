-- Transfers between holding accounts; the serials they moved are in ledger_movement (kind TRANSFER).
create table transfer (
    id              uuid primary key,
    from_account_id uuid        not null references account (id),
    to_account_id   uuid        not null references account (id),
    project_id      uuid        not null references project (id),
    vintage         integer     not null,
    quantity        bigint      not null check (quantity > 0),
    transferred_by  uuid        not null references participant (id),
    transferred_at  timestamptz not null,
    check (from_account_id <> to_account_id)
);
create index transfer_from on transfer (from_account_id, transferred_at);
create index transfer_to on transfer (to_account_id, transferred_at);
-- The buffer pool receives credits only from issuance.
create function transfer_never_into_the_buffer_pool() returns trigger language plpgsql as $$
begin
    if exists (select 1 from account where id = new.to_account_id and kind = 'BUFFER_POOL') then
        raise exception 'credits are never transferred into the buffer pool' using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger transfer_never_into_the_buffer_pool before insert on transfer
    for each row execute function transfer_never_into_the_buffer_pool();
