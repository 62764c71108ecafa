-- Pledges (质押) of credits to a lender (docs/pledges.md). A pledge of issued credits encumbers
-- serials of one project and vintage at once; a pledge of future issuance encumbers the owner's new
-- credits of the project as they are issued, until the pledged quantity is covered.
alter table participant drop constraint participant_role_check;
alter table participant add constraint participant_role_check check (role in ('PROJECT_OWNER', 'VERIFIER',
    'REGISTRY_ADMINISTRATOR', 'TRADER', 'EXCHANGE_OPERATOR', 'SYSTEM', 'LENDER'));

-- quantity: what is pledged; covered: credits placed under the pledge so far (all of them at once
-- for issued credits); released, enforced, cancelled: covered credits that left it (back to the
-- pledgor, to the lender, cancelled by a revocation); waived: uncovered future credits the lender
-- released. The pledge's serial blocks always hold covered - released - enforced - cancelled.
create table pledge (
    id                       uuid primary key,
    kind                     text          not null check (kind in ('CREDITS', 'FUTURE_ISSUANCE')),
    pledgor_id               uuid          not null references participant (id),
    pledgor_account_id       uuid          not null references account (id),
    lender_id                uuid          not null references participant (id),
    lender_account_id        uuid          not null references account (id),
    project_id               uuid          not null references project (id),
    vintage                  integer       check (vintage between 2000 and 2200),
    quantity                 bigint        not null check (quantity > 0),
    covered                  bigint        not null check (covered >= 0),
    released                 bigint        not null default 0 check (released >= 0),
    waived                   bigint        not null default 0 check (waived >= 0),
    enforced                 bigint        not null default 0 check (enforced >= 0),
    cancelled                bigint        not null default 0 check (cancelled >= 0),
    loan_reference           text          not null check (length(trim(loan_reference)) between 1 and 100),
    secured_amount           numeric(19,2) not null check (secured_amount > 0),
    currency                 text          not null check (currency ~ '^[A-Z]{3}$'),
    maturity_date            date          not null,
    state                    text          not null check (state in ('ACTIVE', 'RELEASED', 'ENFORCED', 'VOIDED')),
    enforcement_requested_at timestamptz,
    enforcement_reason       text,
    created_at               timestamptz   not null,
    closed_at                timestamptz,
    void_reason              text,
    check (pledgor_id <> lender_id),
    check ((kind = 'CREDITS') = (vintage is not null)),
    check (kind = 'FUTURE_ISSUANCE' or (covered = quantity and waived = 0)),
    check (covered + waived <= quantity),
    check (released + enforced + cancelled <= covered),
    check ((state = 'ACTIVE') = (closed_at is null)),
    check ((enforcement_requested_at is null) = (enforcement_reason is null)),
    check ((state = 'ENFORCED') <= (enforcement_requested_at is not null)),
    check ((state = 'VOIDED') = (void_reason is not null)),
    check (state <> 'RELEASED' or released + waived + enforced + cancelled = quantity)
);
create index pledge_listing on pledge (created_at, id);
create index pledge_project on pledge (project_id, created_at, id);
create index pledge_future on pledge (project_id, pledgor_id) where kind = 'FUTURE_ISSUANCE' and state = 'ACTIVE';

-- A closed pledge never changes; its parties, terms and quantity never change; its counters only grow.
create function pledge_changes_forward_only() returns trigger language plpgsql as $$
begin
    if old.state <> 'ACTIVE' then
        raise exception 'pledge % is % and never changes again', old.id, old.state using errcode = 'check_violation';
    end if;
    if (new.kind, new.pledgor_id, new.pledgor_account_id, new.lender_id, new.lender_account_id, new.project_id,
        new.vintage, new.quantity, new.loan_reference, new.secured_amount, new.currency, new.maturity_date,
        new.created_at)
       is distinct from
       (old.kind, old.pledgor_id, old.pledgor_account_id, old.lender_id, old.lender_account_id, old.project_id,
        old.vintage, old.quantity, old.loan_reference, old.secured_amount, old.currency, old.maturity_date,
        old.created_at)
       or new.covered < old.covered or new.released < old.released or new.waived < old.waived
       or new.enforced < old.enforced or new.cancelled < old.cancelled then
        raise exception 'pledge % may only record credits covered, released, enforced or cancelled', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger pledge_changes_forward_only before update on pledge
    for each row execute function pledge_changes_forward_only();
create trigger pledge_is_never_deleted before delete on pledge
    for each statement execute function ledger_record_is_final();

-- Pledged serials: a block of the new state PLEDGED names its pledge (checked at commit, so the
-- ledger may encumber serials before the pledge row is written in the same transaction).
alter table serial_block add column pledge_id uuid references pledge (id) deferrable initially deferred;
alter table serial_block drop constraint serial_block_state_check;
alter table serial_block add constraint serial_block_state_check
    check (state in ('AVAILABLE', 'HELD', 'PLEDGED', 'RETIRED', 'CANCELLED'));
alter table serial_block add constraint serial_block_pledged_for_a_pledge
    check ((state = 'PLEDGED') = (pledge_id is not null));
create index serial_block_pledge on serial_block (pledge_id) where pledge_id is not null;

alter table ledger_movement drop constraint ledger_movement_kind_check;
alter table ledger_movement add constraint ledger_movement_kind_check
    check (kind in ('ISSUE', 'HOLD', 'DELIVER', 'RETIRE', 'CANCEL', 'RELEASE', 'TRANSFER', 'PLEDGE',
                    'UNPLEDGE', 'ENFORCE'));

-- At commit, a pledge's serial blocks lie in the pledgor's account, in the pledge's project (and
-- vintage), and cover exactly what it records as still pledged.
create function pledge_blocks_match(touched uuid) returns void language plpgsql as $$
declare
    p pledge%rowtype;
    covered bigint;
begin
    select * into p from pledge where id = touched;
    if not found then
        raise exception 'serial blocks are pledged under % but no such pledge exists', touched
            using errcode = 'foreign_key_violation';
    end if;
    if exists (select 1 from serial_block b where b.pledge_id = touched and (b.account_id <> p.pledgor_account_id
               or b.project_id <> p.project_id or (p.vintage is not null and b.vintage <> p.vintage))) then
        raise exception 'serial blocks of pledge % lie outside its pledgor''s account, project or vintage', touched
            using errcode = 'check_violation';
    end if;
    select coalesce(sum(last_serial - first_serial + 1), 0) into covered
        from serial_block where pledge_id = touched and state = 'PLEDGED';
    if covered <> p.covered - p.released - p.enforced - p.cancelled then
        raise exception 'pledge % records % credits still pledged but its serial blocks hold %', touched,
            p.covered - p.released - p.enforced - p.cancelled, covered using errcode = 'check_violation';
    end if;
end $$;

create function pledge_blocks_match_pledge() returns trigger language plpgsql as $$
begin
    perform pledge_blocks_match(new.id);
    return null;
end $$;
create constraint trigger pledge_blocks_match_pledge after insert or update on pledge
    deferrable initially deferred for each row execute function pledge_blocks_match_pledge();

create function pledge_blocks_match_block() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' and old.pledge_id is not null then
        perform pledge_blocks_match(old.pledge_id);
    end if;
    if tg_op <> 'DELETE' and new.pledge_id is not null then
        perform pledge_blocks_match(new.pledge_id);
    end if;
    return null;
end $$;
create constraint trigger pledge_blocks_match_block after insert or update or delete on serial_block
    deferrable initially deferred for each row execute function pledge_blocks_match_block();
