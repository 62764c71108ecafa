-- An instrument is one project and vintage of credits; the registry's CreditsIssued lists it.
create table instrument (
    id              text        primary key,
    project_id      uuid        not null,
    project_code    text        not null,
    vintage         integer     not null,
    -- informational: what the registry reported as issued, not what is for sale
    issued_quantity bigint      not null check (issued_quantity >= 0),
    listed_at       timestamptz not null,
    unique (project_id, vintage),
    check (id = project_code || '-' || vintage)
);

create table cash_account (
    participant_id uuid          primary key,
    currency       char(3)       not null default 'CNY' check (currency = 'CNY'),
    balance        numeric(19,2) not null check (balance >= 0),
    -- cash promised to open buy orders and to trades awaiting delivery
    reserved       numeric(19,2) not null default 0 check (reserved >= 0),
    opened_at      timestamptz   not null,
    check (reserved <= balance)
);

-- Time priority in the book: an order takes its number when it enters the book (a sell order only
-- once its credits are held), not when it is placed.
create sequence book_sequence;

create table exchange_order (
    id               uuid          primary key,
    seq              bigint        generated always as identity unique,
    instrument_id    text          not null references instrument (id),
    participant_id   uuid          not null,
    side             text          not null check (side in ('BUY', 'SELL')),
    quantity         bigint        not null check (quantity > 0),
    limit_price      numeric(19,2) not null check (limit_price > 0),
    filled_quantity  bigint        not null default 0 check (filled_quantity >= 0 and filled_quantity <= quantity),
    -- invariant 4, buy side: the cash still reserved for the unfilled part of the order
    reserved_cash    numeric(19,2) not null default 0 check (reserved_cash >= 0),
    status           text          not null check (status in ('PENDING_HOLD', 'OPEN', 'FILLED', 'REJECTED')),
    rejection_reason text,
    book_sequence    bigint        unique,
    placed_at        timestamptz   not null,
    updated_at       timestamptz   not null,
    check ((status = 'REJECTED') = (rejection_reason is not null)),
    check (status <> 'FILLED' or filled_quantity = quantity),
    check (status not in ('OPEN', 'FILLED') or book_sequence is not null),
    check (side = 'BUY' or reserved_cash = 0),
    check (side = 'SELL' or status <> 'PENDING_HOLD'),
    check (side = 'SELL' or status <> 'OPEN' or reserved_cash = (quantity - filled_quantity) * limit_price),
    check (status = 'OPEN' or reserved_cash = 0)
);
create index exchange_order_book on exchange_order (instrument_id, book_sequence) where status = 'OPEN';
create index exchange_order_participant on exchange_order (participant_id, seq);

create table trade (
    id             uuid          primary key,
    seq            bigint        generated always as identity unique,
    instrument_id  text          not null references instrument (id),
    buy_order_id   uuid          not null references exchange_order (id),
    sell_order_id  uuid          not null references exchange_order (id),
    buyer_id       uuid          not null,
    seller_id      uuid          not null,
    quantity       bigint        not null check (quantity > 0),
    price          numeric(19,2) not null check (price > 0),
    amount         numeric(19,2) not null,
    currency       char(3)       not null default 'CNY' check (currency = 'CNY'),
    status         text          not null check (status in ('PENDING_DELIVERY', 'SETTLED', 'FAILED')),
    failure_reason text,
    executed_at    timestamptz   not null,
    closed_at      timestamptz,
    check (amount = quantity * price),
    check (buy_order_id <> sell_order_id),
    check ((status = 'PENDING_DELIVERY') = (closed_at is null)),
    check ((status = 'FAILED') = (failure_reason is not null))
);
create index trade_instrument on trade (instrument_id, seq);
