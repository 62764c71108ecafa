-- Every deposit and withdrawal, with who caused it. Cash comes in from the exchange operator or the
-- bank (a simulated adapter here), and from the participant itself only in the local demo profile.
create table cash_movement (
    id             uuid          primary key,
    seq            bigint        generated always as identity unique,
    participant_id uuid          not null references cash_account (participant_id),
    kind           text          not null check (kind in ('DEPOSIT', 'WITHDRAWAL')),
    amount         numeric(19,2) not null check (amount > 0),
    source         text          not null check (source in ('OPERATOR', 'BANK', 'SELF')),
    -- the bank's transfer id: a transfer reported twice is booked once
    reference      text,
    actor_id       uuid,
    booked_at      timestamptz   not null,
    check ((source = 'BANK') = (reference is not null)),
    check ((source = 'BANK') = (actor_id is null)),
    check (source <> 'SELF' or kind = 'DEPOSIT')
);
create unique index cash_movement_bank_reference on cash_movement (reference) where source = 'BANK';
create index cash_movement_participant on cash_movement (participant_id, seq);
