-- The in-memory matching engine (docs/exchange-engine.md). Each instrument's book has one writer; every
-- batch of commands it applies commits here with its results before any request is answered.

-- The engine's state per instrument, beside the listing. command_sequence numbers the instrument's
-- commands without gaps; a batch moves it from the value its writer last saw, so a writer that lost the
-- instrument to another instance fails instead of overwriting (fencing).
alter table instrument
    add column command_sequence  bigint        not null default 0 check (command_sequence >= 0),
    add column halted            boolean       not null default false,
    -- the band is centred on the reference price; none set means no band
    add column reference_price   numeric(19,2) check (reference_price > 0),
    add column band_basis_points integer       not null default 1000 check (band_basis_points between 0 and 10000),
    -- the last session close whose DAY orders have expired
    add column day_orders_expired_at timestamptz;

alter table exchange_order
    add column order_type    text not null default 'LIMIT' check (order_type in ('LIMIT', 'MARKET')),
    add column time_in_force text not null default 'GTC' check (time_in_force in ('GTC', 'DAY', 'IOC', 'FOK')),
    -- why an order left the book unfilled: its owner, its time in force, self-trade prevention, expiry
    add column cancel_reason text check (cancel_reason in
        ('USER', 'IOC_REMAINDER', 'FOK_UNFILLED', 'MARKET_REMAINDER', 'SELF_TRADE', 'EXPIRED')),
    -- time priority within the instrument's book: the command sequence number that put the order at the
    -- back of its price level; the book is rebuilt in this order
    add column book_priority bigint,
    add constraint exchange_order_book_priority unique (instrument_id, book_priority),
    add constraint exchange_order_market_price check ((order_type = 'MARKET') = (limit_price is null)),
    add constraint exchange_order_market_never_rests check (order_type = 'LIMIT' or status <> 'OPEN'),
    add constraint exchange_order_only_gtc_day_rest check (time_in_force in ('GTC', 'DAY') or status <> 'OPEN'),
    add constraint exchange_order_cancel_reason check ((status = 'CANCELLED') = (cancel_reason is not null)),
    add constraint exchange_order_open_has_priority check (status <> 'OPEN' or book_priority is not null);
alter table exchange_order alter column limit_price drop not null;
update exchange_order set cancel_reason = 'USER' where status = 'CANCELLED';

-- Rows written before the engine: their book order was the global book_sequence.
update exchange_order o set book_priority = ranked.priority
from (select id, row_number() over (partition by instrument_id order by book_sequence) as priority
      from exchange_order where book_sequence is not null) ranked
where o.id = ranked.id;
update instrument i set command_sequence = coalesce(
    (select max(book_priority) from exchange_order o where o.instrument_id = i.id), 0);

drop index exchange_order_book;
create index exchange_order_book on exchange_order (instrument_id, book_priority) where status = 'OPEN';

-- The command log: what each instrument's writer applied, in sequence order, with its outcome. The book
-- is rebuilt from the open orders (their book_priority), not by replaying this log; the log is the
-- audit trail of the market and the proof that the sequence has no gaps.
create table book_command (
    instrument_id text        not null references instrument (id),
    sequence      bigint      not null check (sequence > 0),
    kind          text        not null check (kind in
        ('PLACE', 'OPEN_HELD', 'CANCEL', 'AMEND', 'RETURN_FILL', 'EXPIRE_DAY', 'HALT', 'RESUME', 'SET_BAND', 'REBUILD')),
    order_id      uuid,
    trade_id      uuid,
    participant_id uuid,
    detail        text,
    outcome       text        not null,
    applied_at    timestamptz not null,
    primary key (instrument_id, sequence)
);

-- Which instance owns the books of which partition of the ownership topic, so that an instance that
-- does not own a book can name the one that does.
create table book_owner (
    topic_partition integer     primary key,
    instance_id     text        not null,
    base_url        text        not null,
    assigned_at     timestamptz not null
);

-- The read model of the registry's participants: only a participant with a registry account and a
-- trading role may place orders.
create table participant (
    participant_id uuid        primary key,
    name           text        not null,
    role           text        not null,
    registered_at  timestamptz not null
);
