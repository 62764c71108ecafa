-- An order row still names a listed instrument, but the check runs once per statement instead of once per
-- row. The foreign key ran a look-up in instrument and took a key-share lock on its row for every order the
-- book writer inserts (about 3 µs of PostgreSQL per order in the lab, a tenth of what a batched order cost
-- the database; docs/benchmarks.md, "Load through the gateway", session 8); the writer inserts hundreds of
-- orders of one instrument in one COPY. The triggers below keep what the key kept: no order names an
-- instrument that does not exist (checked with the new rows of each insert, and on any change of an order's
-- instrument), the instruments named are locked as the key locked them until the transaction ends, and an
-- instrument that orders name can be neither deleted nor renamed. The error is the key's: SQLSTATE 23503.
-- Unlike the key, nothing stops a TRUNCATE of instrument alone; nothing in the service truncates.

alter table exchange_order drop constraint exchange_order_instrument_id_fkey;

create function exchange_order_instruments_exist() returns trigger language plpgsql as $$
declare
    named   bigint;
    locked  bigint;
    missing text;
begin
    select count(distinct instrument_id) into named from new_orders;
    -- the lock the key's check took: the instruments cannot be deleted or renamed until this transaction ends
    select count(*) into locked from (
        select 1 from instrument where id in (select instrument_id from new_orders) for key share) named_instruments;
    if locked < named then
        select n.instrument_id into missing from new_orders n
        where not exists (select 1 from instrument i where i.id = n.instrument_id) limit 1;
        raise foreign_key_violation using
            message = 'insert or update on table "exchange_order" violates foreign key constraint "exchange_order_instrument_id_fkey"',
            detail = format('Key (instrument_id)=(%s) is not present in table "instrument".', missing);
    end if;
    return null;
end
$$;

create trigger exchange_order_instrument_exists after insert on exchange_order
    referencing new table as new_orders for each statement execute function exchange_order_instruments_exist();

-- orders never move to another instrument; one that did is checked on its own (a transition table cannot go
-- with a column list, and every other update of an order would pay for it)
create function exchange_order_instrument_exists() returns trigger language plpgsql as $$
begin
    perform 1 from instrument where id = new.instrument_id for key share;
    if not found then
        raise foreign_key_violation using
            message = 'insert or update on table "exchange_order" violates foreign key constraint "exchange_order_instrument_id_fkey"',
            detail = format('Key (instrument_id)=(%s) is not present in table "instrument".', new.instrument_id);
    end if;
    return new;
end
$$;

create trigger exchange_order_instrument_changed before update of instrument_id on exchange_order
    for each row when (old.instrument_id is distinct from new.instrument_id)
    execute function exchange_order_instrument_exists();

create function instrument_keeps_its_orders() returns trigger language plpgsql as $$
begin
    if exists (select 1 from exchange_order where instrument_id = old.id) then
        raise foreign_key_violation using
            message = 'update or delete on table "instrument" violates foreign key constraint "exchange_order_instrument_id_fkey" on table "exchange_order"',
            detail = format('Key (id)=(%s) is still referenced from table "exchange_order".', old.id);
    end if;
    return null;
end
$$;

create trigger instrument_keeps_its_orders after delete on instrument
    for each row execute function instrument_keeps_its_orders();
create trigger instrument_keeps_its_id after update of id on instrument
    for each row when (old.id is distinct from new.id) execute function instrument_keeps_its_orders();
