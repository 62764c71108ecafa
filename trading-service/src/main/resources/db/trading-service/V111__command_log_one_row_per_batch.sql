-- The command log (docs/exchange-engine.md) is written one row per batch and instrument instead of one row per
-- command. Every command of a batch cost PostgreSQL a heap row and an index entry of its own, about as much as
-- the order row it placed (docs/benchmarks.md, session 10); a batch of a hundred orders now writes one row of
-- arrays, element i being the batch's command first_sequence + i - 1. The view book_command lists every command as
-- before, one row each, the rows written before this migration (kept in book_command_row) and those since.

alter table book_command rename to book_command_row;
alter table book_command_row rename constraint book_command_pkey to book_command_row_pkey;
alter table book_command_row rename constraint book_command_sequence_check to book_command_row_sequence_check;
alter table book_command_row rename constraint book_command_kind_check to book_command_row_kind_check;

-- btree_gist gives text its equality in a GiST index, for the exclusion constraint below (a trusted extension:
-- the database's owner may create it)
create extension if not exists btree_gist;

create table book_command_batch (
    instrument_id   text        not null,
    first_sequence  bigint      not null check (first_sequence > 0),
    last_sequence   bigint      not null,
    applied_at      timestamptz not null,
    kinds           text[]      not null,
    order_ids       uuid[]      not null,
    trade_ids       uuid[]      not null,
    participant_ids uuid[]      not null,
    details         text[]      not null,
    outcomes        text[]      not null,
    primary key (instrument_id, first_sequence),
    check (last_sequence >= first_sequence),
    -- one element per command of the batch, in every array
    check (cardinality(kinds) = last_sequence - first_sequence + 1 and cardinality(order_ids) = cardinality(kinds)
        and cardinality(trade_ids) = cardinality(kinds) and cardinality(participant_ids) = cardinality(kinds)
        and cardinality(details) = cardinality(kinds) and cardinality(outcomes) = cardinality(kinds)),
    check (array_ndims(kinds) = 1 and array_ndims(order_ids) = 1 and array_ndims(trade_ids) = 1
        and array_ndims(participant_ids) = 1 and array_ndims(details) = 1 and array_ndims(outcomes) = 1),
    -- the kinds book_command's rows had (a null element is in no array, so it fails too)
    check (kinds <@ array['PLACE', 'OPEN_HELD', 'CANCEL', 'AMEND', 'RETURN_FILL', 'EXPIRE_DAY', 'HALT', 'RESUME',
                          'SET_BAND', 'REBUILD']::text[]),
    check (array_position(outcomes, null) is null),
    -- what the primary key (instrument, sequence) of the rows per command kept: no sequence number of an instrument
    -- is logged twice
    constraint book_command_batch_sequences_once exclude using gist (
        instrument_id with =, int8range(first_sequence, last_sequence, '[]') with &&)
);

create view book_command (instrument_id, sequence, kind, order_id, trade_id, participant_id, detail, outcome,
                          applied_at) as
select instrument_id, sequence, kind, order_id, trade_id, participant_id, detail, outcome, applied_at
from book_command_row
union all
select b.instrument_id, b.first_sequence + c.n - 1, c.kind, c.order_id, c.trade_id, c.participant_id, c.detail,
       c.outcome, b.applied_at
from book_command_batch b
     cross join lateral unnest(b.kinds, b.order_ids, b.trade_ids, b.participant_ids, b.details, b.outcomes)
         with ordinality as c(kind, order_id, trade_id, participant_id, detail, outcome, n);
