-- A keyed order's id follows from its participant, its Idempotency-Key and its index in the request
-- (PlacingOrder.keyedIds). It used to be the name-based (version 3) UUID of all three, which put each order of a
-- batch at its own random place in the primary key; it is now a version 8 UUID whose first 118 bits come from
-- the participant and key and whose last 10 are the index, so a batch's orders sit side by side in the index
-- (docs/benchmarks.md, session 10). A retry of a request sent before the change must still find the orders it
-- placed by their old ids: this table holds a row while orders with such ids may exist, and the service then also
-- looks a keyed request's orders up by the old ids (LegacyOrderIds). A database without keyed orders at this
-- migration (every new one) has no row and pays nothing.
create table legacy_keyed_order_ids (
    only_row       boolean     primary key default true check (only_row),
    -- the latest keyed order placed with an old id
    last_placed_at timestamptz not null
);

insert into legacy_keyed_order_ids (last_placed_at)
select max(placed_at) from exchange_order where request_hash is not null having count(*) > 0;
