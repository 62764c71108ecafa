-- Saga supervision (docs/reliability.md): a sell order waiting for its hold, or a trade waiting for its
-- delivery, past its deadline makes the exchange ask the registry for the state. One row per order or
-- trade asked about: how often, and when to ask again if no answer came (the wait doubles, up to a cap).
create table saga_ask (
    subject_id    uuid primary key,
    kind          text        not null check (kind in ('HOLD', 'DELIVERY')),
    instrument_id text        not null,
    asks          int         not null check (asks > 0),
    first_asked_at timestamptz not null,
    last_asked_at timestamptz not null,
    next_ask_at   timestamptz not null check (next_ask_at > last_asked_at)
);

-- what the supervisor scans: only the sagas still open
create index exchange_order_pending_hold on exchange_order (placed_at) where status = 'PENDING_HOLD';
create index trade_pending_delivery on trade (executed_at) where status = 'PENDING_DELIVERY';
