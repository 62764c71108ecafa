-- A failed trade's code, shown to everyone with the trade (public market data); the reason, with its
-- ids and quantities, is shown only to the trade's parties and the exchange operator.
alter table trade add column failure_code text check (failure_code ~ '^[A-Z_]+$');

-- trades that failed before codes: the registry's reasons that name the buyer were the buyer's fault
update trade set failure_code = case when failure_reason like 'buyer %' then 'DELIVERY_REFUSED_BUYER'
                                     else 'DELIVERY_REFUSED' end
where status = 'FAILED';

alter table trade add constraint trade_failure_coded check ((status = 'FAILED') = (failure_code is not null));
