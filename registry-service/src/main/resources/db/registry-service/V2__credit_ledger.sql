-- The credit ledger. Serial numbers are allocated from one registry-wide counter, so a serial
-- identifies one credit across all projects; serial_block rows partition every issued range.

create table serial_allocator (
    id          boolean primary key default true check (id),
    next_serial bigint  not null check (next_serial >= 1)
);
insert into serial_allocator (next_serial) values (1);

-- Invariant 6: a verified quantity is issued exactly once (one issuance per monitoring report).
create table issuance (
    id               uuid primary key,
    report_id        uuid        not null unique,
    project_id       uuid        not null references project (id),
    vintage          integer     not null check (vintage between 2000 and 2200),
    verified_credits bigint      not null check (verified_credits > 0),
    owner_quantity   bigint      not null check (owner_quantity >= 0),
    buffer_quantity  bigint      not null check (buffer_quantity >= 0),
    first_serial     bigint      not null,
    last_serial      bigint      not null,
    owner_account_id uuid        not null references account (id),
    issued_at        timestamptz not null,
    check (owner_quantity + buffer_quantity = verified_credits),
    check (last_serial - first_serial + 1 = verified_credits),
    exclude using gist (int8range(first_serial, last_serial, '[]') with &&)
);
create index issuance_project on issuance (project_id, vintage);

create table hold (
    id            uuid primary key,
    account_id    uuid        not null references account (id),
    project_id    uuid        not null references project (id),
    vintage       integer     not null,
    instrument_id text        not null,
    quantity      bigint      not null check (quantity > 0),
    delivered     bigint      not null default 0 check (delivered >= 0),
    status        text        not null check (status in ('ACTIVE', 'SPENT')),
    created_at    timestamptz not null,
    check (delivered <= quantity),
    check ((status = 'SPENT') = (delivered = quantity))
);

-- Hold requests the registry refused, kept so a redelivered request is answered the same way.
create table hold_rejection (
    hold_id     uuid primary key,
    reason      text        not null,
    rejected_at timestamptz not null
);

create table retirement (
    id          uuid primary key,
    account_id  uuid        not null references account (id),
    project_id  uuid        not null references project (id),
    vintage     integer     not null,
    quantity    bigint      not null check (quantity > 0),
    beneficiary text        not null check (length(trim(beneficiary)) > 0),
    purpose     text        not null check (length(trim(purpose)) > 0),
    retired_at  timestamptz not null
);
create index retirement_project on retirement (project_id, vintage);

create table delivery (
    trade_id         uuid primary key,
    hold_id          uuid        not null references hold (id),
    buyer_account_id uuid        not null references account (id),
    quantity         bigint      not null check (quantity > 0),
    delivered_at     timestamptz not null
);

-- Invariant 2: ranges never overlap, and each serial is in exactly one block (one account, one state).
create table serial_block (
    id            bigserial primary key,
    issuance_id   uuid    not null references issuance (id),
    project_id    uuid    not null references project (id),
    vintage       integer not null,
    first_serial  bigint  not null,
    last_serial   bigint  not null,
    account_id    uuid    not null references account (id),
    state         text    not null check (state in ('AVAILABLE', 'HELD', 'RETIRED', 'CANCELLED')),
    hold_id       uuid references hold (id),
    retirement_id uuid references retirement (id),
    check (last_serial >= first_serial),
    check ((state = 'HELD') = (hold_id is not null)),
    check ((state = 'RETIRED') = (retirement_id is not null)),
    exclude using gist (int8range(first_serial, last_serial, '[]') with &&)
);
create index serial_block_holdings on serial_block (account_id, project_id, vintage, state, first_serial);
create index serial_block_hold on serial_block (hold_id) where hold_id is not null;
create index serial_block_issuance on serial_block (issuance_id);

-- Invariant 3: a retired or cancelled serial never moves again.
create function serial_block_final_states_never_move() returns trigger language plpgsql as $$
begin
    if old.state in ('RETIRED', 'CANCELLED') then
        raise exception 'serial block % (% to %) is % and never moves again',
            old.id, old.first_serial, old.last_serial, old.state using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger serial_block_final_states before update or delete on serial_block
    for each row execute function serial_block_final_states_never_move();

-- Invariant 1, conservation: at commit, the blocks of every touched issuance cover exactly its
-- verified quantity (available + held + retired + cancelled + buffer = issued).
create function serial_blocks_conserve_issuance() returns trigger language plpgsql as $$
declare
    touched uuid := coalesce(new.issuance_id, old.issuance_id);
    covered bigint;
    issued  bigint;
begin
    select coalesce(sum(last_serial - first_serial + 1), 0) into covered from serial_block where issuance_id = touched;
    select verified_credits into issued from issuance where id = touched;
    if covered <> issued then
        raise exception 'issuance % would cover % credits in its serial blocks but % were issued',
            touched, covered, issued using errcode = 'check_violation';
    end if;
    return null;
end $$;
create constraint trigger serial_blocks_conserve_issuance after insert or update or delete on serial_block
    deferrable initially deferred for each row execute function serial_blocks_conserve_issuance();

-- Audit trail: every movement of serials, append-only.
create table ledger_movement (
    id              bigserial primary key,
    at              timestamptz not null,
    kind            text        not null check (kind in ('ISSUE', 'HOLD', 'DELIVER', 'RETIRE', 'CANCEL')),
    project_id      uuid        not null,
    vintage         integer     not null,
    first_serial    bigint      not null,
    last_serial     bigint      not null,
    from_account_id uuid,
    to_account_id   uuid,
    reference_id    uuid        not null,
    check (last_serial >= first_serial)
);
create index ledger_movement_reference on ledger_movement (reference_id);

create function ledger_movement_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger movement log is append-only' using errcode = 'check_violation';
end $$;
create trigger ledger_movement_append_only before update or delete on ledger_movement
    for each statement execute function ledger_movement_append_only();
