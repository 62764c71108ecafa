-- At commit, a transfer's recorded quantity equals the serials its movement rows moved from the
-- sending account to the receiving one: a transfer cannot record more or less than it moved.
create function transfer_moved_its_quantity() returns trigger language plpgsql as $$
declare
    moved bigint;
begin
    select coalesce(sum(last_serial - first_serial + 1), 0) into moved from ledger_movement
        where reference_id = new.id and kind = 'TRANSFER'
          and from_account_id = new.from_account_id and to_account_id = new.to_account_id;
    if moved <> new.quantity then
        raise exception 'transfer % records % credits but moved %', new.id, new.quantity, moved
            using errcode = 'check_violation';
    end if;
    return null;
end $$;
create constraint trigger transfer_moved_its_quantity after insert on transfer
    deferrable initially deferred for each row execute function transfer_moved_its_quantity();

-- Transfers, like every ledger record, are never rewritten.
create function ledger_record_is_final() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or deleted', tg_table_name using errcode = 'check_violation';
end $$;
create trigger transfer_is_final before update or delete on transfer
    for each statement execute function ledger_record_is_final();
create trigger cancellation_is_final before update or delete on cancellation
    for each statement execute function ledger_record_is_final();
