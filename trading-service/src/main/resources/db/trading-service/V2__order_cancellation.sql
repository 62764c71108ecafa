-- An owner may cancel an open order: a buy order frees its cash, a sell order its held credits.
alter table exchange_order drop constraint exchange_order_status_check;
alter table exchange_order add constraint exchange_order_status_check
    check (status in ('PENDING_HOLD', 'OPEN', 'FILLED', 'REJECTED', 'CANCELLED'));
