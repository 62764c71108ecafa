-- A trade the registry will never deliver: it refused it (no hold, too little held, another seller, a
-- buyer without an account), or the exchange asked for its state before the trade ever arrived
-- (docs/reliability.md, saga deadlines). Recorded so that the answer to a state query is final: a
-- TradeExecuted read after it delivers nothing.
create table delivery_refusal (
    trade_id   uuid primary key,
    code       text        not null check (code ~ '^[A-Z_]+$'),
    reason     text        not null,
    refused_at timestamptz not null
);

-- A trade is delivered or refused, never both.
create function delivery_not_refused() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'delivery' and exists (select 1 from delivery_refusal where trade_id = new.trade_id) then
        raise exception 'trade % was refused; it cannot be delivered', new.trade_id using errcode = '23514';
    end if;
    if tg_table_name = 'delivery_refusal' and exists (select 1 from delivery where trade_id = new.trade_id) then
        raise exception 'trade % was delivered; it cannot be refused', new.trade_id using errcode = '23514';
    end if;
    return new;
end $$;

create trigger delivery_not_refused before insert on delivery
    for each row execute function delivery_not_refused();
create trigger delivery_refusal_not_delivered before insert on delivery_refusal
    for each row execute function delivery_not_refused();
