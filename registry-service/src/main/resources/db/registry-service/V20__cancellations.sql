-- Cancellation: credits taken out of circulation without being retired for anyone. A holder
-- cancels voluntarily (for example to move them to another programme), the administrator's
-- revocation of a project cancels all its unretired credits, and a reversal cancels buffer credits.
create table cancellation (
    id           uuid primary key,
    account_id   uuid        not null references account (id),
    project_id   uuid        not null references project (id),
    vintage      integer     not null,
    quantity     bigint      not null check (quantity > 0),
    kind         text        not null check (kind in ('VOLUNTARY', 'REVOCATION', 'REVERSAL')),
    reason       text        not null check (length(trim(reason)) > 0),
    cancelled_by uuid references participant (id),
    reversal_id  uuid,
    cancelled_at timestamptz not null
);
create index cancellation_project on cancellation (project_id, vintage);
create index cancellation_listing on cancellation (cancelled_at, id);

alter table serial_block add column cancellation_id uuid references cancellation (id);
alter table serial_block add constraint serial_block_cancelled_by_a_cancellation
    check ((state = 'CANCELLED') = (cancellation_id is not null));
create index serial_block_cancellation on serial_block (cancellation_id) where cancellation_id is not null;

-- Credits held for the exchange can be cancelled too (revocation); they leave the hold.
alter table hold add column cancelled bigint not null default 0 check (cancelled >= 0);
alter table hold drop constraint hold_within_quantity;
alter table hold drop constraint hold_spent_when_used_up;
alter table hold add constraint hold_within_quantity check (delivered + released + cancelled <= quantity);
alter table hold add constraint hold_spent_when_used_up
    check ((status = 'SPENT') = (delivered + released + cancelled = quantity));

alter table ledger_movement drop constraint ledger_movement_kind_check;
alter table ledger_movement add constraint ledger_movement_kind_check
    check (kind in ('ISSUE', 'HOLD', 'DELIVER', 'RETIRE', 'CANCEL', 'RELEASE', 'TRANSFER'));

-- At commit, a retirement's and a cancellation's serial blocks cover exactly the quantity it records.
create function serial_blocks_cover_their_record() returns trigger language plpgsql as $$
declare
    covered bigint;
    recorded bigint;
begin
    if new.state = 'RETIRED' then
        select coalesce(sum(last_serial - first_serial + 1), 0) into covered
            from serial_block where retirement_id = new.retirement_id;
        select quantity into recorded from retirement where id = new.retirement_id;
    elsif new.state = 'CANCELLED' then
        select coalesce(sum(last_serial - first_serial + 1), 0) into covered
            from serial_block where cancellation_id = new.cancellation_id;
        select quantity into recorded from cancellation where id = new.cancellation_id;
    else
        return null;
    end if;
    if covered <> recorded then
        raise exception '% of % credits would be covered by % credits of serial blocks',
            lower(new.state), recorded, covered using errcode = 'check_violation';
    end if;
    return null;
end $$;
create constraint trigger serial_blocks_cover_their_record after insert on serial_block
    deferrable initially deferred for each row execute function serial_blocks_cover_their_record();
