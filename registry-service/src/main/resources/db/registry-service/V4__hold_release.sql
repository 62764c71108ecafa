-- A hold can give credits back: released ones return to the seller's available credits.
alter table hold add column released bigint not null default 0 check (released >= 0);
alter table hold drop constraint hold_check;
alter table hold drop constraint hold_check1;
alter table hold add constraint hold_within_quantity check (delivered + released <= quantity);
alter table hold add constraint hold_spent_when_used_up check ((status = 'SPENT') = (delivered + released = quantity));

alter table ledger_movement drop constraint ledger_movement_kind_check;
alter table ledger_movement add constraint ledger_movement_kind_check
    check (kind in ('ISSUE', 'HOLD', 'DELIVER', 'RETIRE', 'CANCEL', 'RELEASE'));
