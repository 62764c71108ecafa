-- Saga supervision of off-book holds (docs/reliability.md): the supervisor also scans block trades and
-- auctions still waiting for the registry to hold the seller's credits.
create index block_trade_pending_hold on block_trade (proposed_at) where status = 'PENDING_HOLD';
create index auction_pending_hold on auction (announced_at) where status = 'PENDING_HOLD';
