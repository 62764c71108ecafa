-- A version whose net removals are negative stands for a loss of stored carbon: the ceiling of the
-- exact −net, in whole tCO2e (conservative). It has no credits. Once verified, the registry records
-- the loss as a reversal of the project and names it back (reversal_id).
alter table report_version add column loss_credits bigint not null default 0 check (loss_credits >= 0);
alter table report_version add constraint report_version_loss_or_credits check (loss_credits = 0 or credits = 0);
-- versions computed before: their exact net is not kept, so the shown net (4 decimals, half-even)
-- is rounded up; that understates the loss by one only where the exact loss exceeds a whole
-- tonne by less than 0.00005
update report_version set loss_credits = ceil(-net_removals) where net_removals < 0;
alter table monitoring_report add column reversal_id uuid unique;
