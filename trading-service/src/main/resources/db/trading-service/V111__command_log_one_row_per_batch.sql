-- The command log (docs/exchange-engine.md) is written one row per batch and instrument instead of one row per
-- command. Every command of a batch cost PostgreSQL a heap row and an index entry of its own, about as much as
-- the order row it placed (docs/benchmarks.md, session 10); a batch of a hundred orders now writes one row of
-- arrays, element i being the batch's command first_sequence + i - 1. The view book_command lists every command
-- one row each, as the table of that name did.
create table book_command_batch (
    instrument_id     text        not null,
    first_sequence    bigint      not null check (first_sequence > 0),
    last_sequence     bigint      not null,
    -- the first row of the instrument's log (set by the trigger below): sequence 1, or the first command logged
    -- where the log began later (an instrument listed before the engine, V10)
    starts_log        boolean     not null default false,
    applied_at        timestamptz not null,
    kinds             text[]      not null,
    order_ids         uuid[]      not null,
    trade_ids         uuid[]      not null,
    participant_ids   uuid[]      not null,
    details           text[]      not null,
    outcomes          text[]      not null,
    primary key (instrument_id, first_sequence),
    unique (instrument_id, last_sequence),
    check (last_sequence >= first_sequence),
    check (first_sequence > 1 or starts_log),
    -- one element per command of the batch, in every array
    check (cardinality(kinds) = last_sequence - first_sequence + 1 and cardinality(order_ids) = cardinality(kinds)
        and cardinality(trade_ids) = cardinality(kinds) and cardinality(participant_ids) = cardinality(kinds)
        and cardinality(details) = cardinality(kinds) and cardinality(outcomes) = cardinality(kinds)),
    check (array_ndims(kinds) = 1 and array_ndims(order_ids) = 1 and array_ndims(trade_ids) = 1
        and array_ndims(participant_ids) = 1 and array_ndims(details) = 1 and array_ndims(outcomes) = 1),
    -- the kinds book_command's rows had (a null element is in no array, so it fails too)
    check (kinds <@ array['PLACE', 'OPEN_HELD', 'CANCEL', 'AMEND', 'RETURN_FILL', 'EXPIRE_DAY', 'HALT', 'RESUME',
                          'SET_BAND', 'REBUILD']::text[]),
    check (array_position(outcomes, null) is null)
);
-- What the primary key (instrument, sequence) of the rows per command kept, and more: a row that does not follow
-- the one ending just before it starts the instrument's log, and an instrument's log has one start, so its rows
-- are one chain of sequence numbers without a gap, none logged twice (a row overlapping or leaving a gap after
-- others would be a second start). An exclusion constraint on the ranges kept the overlaps out too, but its GiST
-- index cost a single order's group commit more than the rest of its log row (docs/benchmarks.md, session 10).
create unique index book_command_batch_one_start on book_command_batch (instrument_id) where starts_log;

create function book_command_batch_follows() returns trigger language plpgsql as $$
begin
    new.starts_log := not exists (select 1 from book_command_batch
                                  where instrument_id = new.instrument_id and last_sequence = new.first_sequence - 1);
    return new;
end
$$;

create trigger book_command_batch_follows before insert or update of instrument_id, first_sequence, last_sequence, starts_log
    on book_command_batch for each row execute function book_command_batch_follows();

-- the rows written so far, each a batch of one command
insert into book_command_batch (instrument_id, first_sequence, last_sequence, applied_at, kinds, order_ids, trade_ids,
                                participant_ids, details, outcomes)
select instrument_id, sequence, sequence, applied_at,
       array[kind], array[order_id], array[trade_id], array[participant_id], array[detail], array[outcome]
from book_command
order by instrument_id, sequence;
drop table book_command;

create view book_command (instrument_id, sequence, kind, order_id, trade_id, participant_id, detail, outcome,
                          applied_at) as
select b.instrument_id, b.first_sequence + c.n - 1, c.kind, c.order_id, c.trade_id, c.participant_id, c.detail,
       c.outcome, b.applied_at
from book_command_batch b
     cross join lateral unnest(b.kinds, b.order_ids, b.trade_ids, b.participant_ids, b.details, b.outcomes)
         with ordinality as c(kind, order_id, trade_id, participant_id, detail, outcome, n);
