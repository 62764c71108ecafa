-- A resting buy order leaves the book as UNDELIVERABLE when the registry could not deliver one of its
-- participant's trades for want of a registry account: its trades would fail the same way.
alter table exchange_order drop constraint exchange_order_cancel_reason_check;
alter table exchange_order add constraint exchange_order_cancel_reason_check check (cancel_reason in
    ('USER', 'IOC_REMAINDER', 'FOK_UNFILLED', 'MARKET_REMAINDER', 'SELF_TRADE', 'EXPIRED', 'UNDELIVERABLE'));
