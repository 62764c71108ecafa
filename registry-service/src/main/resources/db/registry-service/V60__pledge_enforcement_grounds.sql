-- docs/pledges.md: a lender asks for enforcement either because the loan was not repaid at maturity or on an
-- event of default before it; the grounds are stored with the request and its description (enforcement_reason).
alter table pledge add column enforcement_grounds text
    check (enforcement_grounds in ('NOT_REPAID_AT_MATURITY', 'EVENT_OF_DEFAULT'));

-- requests made before the rule: early ones can only have been a default, the others a loan due and unpaid.
-- Closed pledges never change (V30's trigger); this fills in what their request already said, so it steps aside.
alter table pledge disable trigger pledge_changes_forward_only;
update pledge set enforcement_grounds = case
        when (enforcement_requested_at at time zone 'Asia/Shanghai')::date < maturity_date then 'EVENT_OF_DEFAULT'
        else 'NOT_REPAID_AT_MATURITY' end
    where enforcement_requested_at is not null;
alter table pledge enable trigger pledge_changes_forward_only;

alter table pledge add constraint pledge_enforcement_grounds_with_request
    check ((enforcement_requested_at is null) = (enforcement_grounds is null));
-- an event of default is described; an early request stands only on one (the date is the request's in Beijing)
alter table pledge add constraint pledge_event_of_default_described
    check (enforcement_grounds is distinct from 'EVENT_OF_DEFAULT' or btrim(enforcement_reason) <> '');
alter table pledge add constraint pledge_early_enforcement_on_default
    check (enforcement_grounds is distinct from 'NOT_REPAID_AT_MATURITY'
        or (enforcement_requested_at at time zone 'Asia/Shanghai')::date >= maturity_date);
