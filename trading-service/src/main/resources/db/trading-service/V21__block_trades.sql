-- Trades made off the continuous book (CCER block agreement 大宗协议 and one-way auction 单向竞价) are
-- trades like any other: the registry delivers them and the exchange settles them the same way. They
-- have no order on either side; their credits are held under the block trade's or auction's own hold.
alter table trade add column venue text not null default 'BOOK' check (venue in ('BOOK', 'BLOCK', 'AUCTION'));
alter table trade alter column buy_order_id drop not null;
alter table trade alter column sell_order_id drop not null;
alter table trade add constraint trade_orders_of_venue check (case when venue = 'BOOK'
    then buy_order_id is not null and sell_order_id is not null
    else buy_order_id is null and sell_order_id is null end);

-- The hold an off-book trade delivers from (the registry's hold id), since it has no sell order.
create table off_book_trade (
    trade_id uuid primary key references trade (id),
    hold_id  uuid not null
);
create index off_book_trade_hold on off_book_trade (hold_id);

-- Block trade rules as data, with their source: '*' applies to every instrument without a row of its own.
create table block_trade_rule (
    instrument_id    text          primary key,
    minimum_quantity bigint        not null check (minimum_quantity > 0),
    -- the price may differ from the reference price by at most this share, both ways (0.30 = ±30%)
    band             numeric(5,4)  not null check (band > 0 and band < 1),
    -- set by the exchange operator; without it the reference is the last price on the book
    reference_price  numeric(19,2) check (reference_price > 0),
    source           text          not null,
    updated_at       timestamptz   not null,
    check (instrument_id <> '*' or reference_price is null)
);
insert into block_trade_rule (instrument_id, minimum_quantity, band, source, updated_at)
values ('*', 100000, 0.3000, 'domain.md [V]: national allowance market, block trade at least 100,000 t,'
        || ' band ±30% around the reference price; to be checked against the exchange''s own rules', now());

create table block_trade (
    -- also the id of the registry hold of the seller's credits
    id              uuid          primary key,
    seq             bigint        generated always as identity unique,
    instrument_id   text          not null references instrument (id),
    seller_id       uuid          not null,
    buyer_id        uuid          not null,
    quantity        bigint        not null check (quantity > 0),
    price           numeric(19,2) not null check (price > 0),
    amount          numeric(19,2) not null,
    reference_price numeric(19,2) not null check (reference_price > 0),
    status          text          not null check (status in ('PENDING_HOLD', 'PROPOSED', 'HOLD_REJECTED', 'DECLINED',
                                                              'CANCELLED', 'EXPIRED', 'EXECUTED')),
    reason          text,
    trade_id        uuid          unique references trade (id),
    expires_at      timestamptz   not null,
    proposed_at     timestamptz   not null,
    updated_at      timestamptz   not null,
    check (amount = quantity * price),
    check (seller_id <> buyer_id),
    check (expires_at > proposed_at),
    check ((status = 'EXECUTED') = (trade_id is not null))
);
create index block_trade_seller on block_trade (seller_id, seq);
create index block_trade_buyer on block_trade (buyer_id, seq);
create index block_trade_open on block_trade (expires_at) where status in ('PENDING_HOLD', 'PROPOSED');
create index block_trade_instrument on block_trade (instrument_id, seq) where status = 'EXECUTED';
