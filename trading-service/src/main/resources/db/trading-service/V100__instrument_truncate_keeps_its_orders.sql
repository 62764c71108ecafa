-- V90 replaced the order -> instrument foreign key by triggers, which a TRUNCATE does not fire: a
-- "truncate instrument cascade" emptied the instruments (and the tables whose keys still name them) and left
-- every order naming an instrument that no longer exists. The key refused that: a referenced table is
-- truncated only together with the tables that reference it. This trigger keeps that rule. It runs after the
-- statement, when every table the TRUNCATE names is already empty, so truncating instrument and
-- exchange_order together is allowed as the key allowed it; otherwise the whole statement is undone. The
-- message is the key's, the SQLSTATE that of V90's triggers (23503): the key's own 0A000 would make the
-- connection pool take the connection for broken and close it.
create function instrument_truncated_with_its_orders() returns trigger language plpgsql as $$
begin
    if exists (select 1 from exchange_order) then
        raise foreign_key_violation using
            message = 'cannot truncate a table referenced in a foreign key constraint',
            detail = 'Table "exchange_order" references "instrument".',
            hint = 'Truncate table "exchange_order" at the same time.';
    end if;
    return null;
end
$$;

create trigger instrument_truncated_with_its_orders after truncate on instrument
    for each statement execute function instrument_truncated_with_its_orders();
