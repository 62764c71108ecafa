-- One-way auctions (单向竞价): a seller offers a quantity at a floor price for a window; buyers bid;
-- at the close the quantity goes to the bids by price, then time, each at its own bid price.
create table auction (
    -- also the id of the registry hold of the seller's credits
    id                 uuid          primary key,
    seq                bigint        generated always as identity unique,
    instrument_id      text          not null references instrument (id),
    seller_id          uuid          not null,
    quantity           bigint        not null check (quantity > 0),
    floor_price        numeric(19,2) not null check (floor_price > 0),
    starts_at          timestamptz   not null,
    ends_at            timestamptz   not null,
    status             text          not null check (status in ('PENDING_HOLD', 'OPEN', 'HOLD_REJECTED', 'CLOSED')),
    reason             text,
    allocated_quantity bigint        not null default 0 check (allocated_quantity >= 0 and allocated_quantity <= quantity),
    announced_at       timestamptz   not null,
    closed_at          timestamptz,
    check (ends_at > starts_at),
    check ((status = 'CLOSED') = (closed_at is not null)),
    check ((status = 'HOLD_REJECTED') = (reason is not null)),
    check (status = 'CLOSED' or allocated_quantity = 0)
);
create index auction_due on auction (ends_at) where status in ('PENDING_HOLD', 'OPEN');
create index auction_instrument on auction (instrument_id, seq);

create table auction_bid (
    id                 uuid          primary key,
    -- time priority among bids of one price
    seq                bigint        generated always as identity unique,
    auction_id         uuid          not null references auction (id),
    bidder_id          uuid          not null,
    quantity           bigint        not null check (quantity > 0),
    price              numeric(19,2) not null check (price > 0),
    -- invariant 4: an open bid keeps quantity × price reserved; a decided one keeps none (its trade does)
    reserved_cash      numeric(19,2) not null check (reserved_cash >= 0),
    status             text          not null check (status in ('OPEN', 'WON', 'PARTLY_WON', 'LOST')),
    allocated_quantity bigint        not null default 0 check (allocated_quantity >= 0 and allocated_quantity <= quantity),
    trade_id           uuid          unique references trade (id),
    placed_at          timestamptz   not null,
    check ((status = 'OPEN') = (reserved_cash > 0)),
    check (status <> 'OPEN' or reserved_cash = quantity * price),
    check ((status in ('WON', 'PARTLY_WON')) = (trade_id is not null)),
    check (status <> 'WON' or allocated_quantity = quantity),
    check (status <> 'PARTLY_WON' or allocated_quantity between 1 and quantity - 1),
    check (status in ('WON', 'PARTLY_WON') or allocated_quantity = 0)
);
create index auction_bid_auction on auction_bid (auction_id, price desc, seq);
create index auction_bid_bidder on auction_bid (bidder_id, seq);
