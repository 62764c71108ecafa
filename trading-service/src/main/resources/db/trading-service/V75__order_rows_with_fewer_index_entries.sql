-- Each order the book writer inserts pays for every index and per-row foreign-key check of the rows it
-- writes, inside the writer's group commit, which one thread runs one batch at a time: what PostgreSQL
-- spends per row there bounds how many orders a book takes per second (docs/benchmarks.md, "Batched
-- orders: where the CPU goes"). Three of those costs guarded nothing that is not guarded otherwise.

-- The command log's rows are written only by the book writer, in the transaction whose first statement
-- (the fence) has updated the row of each instrument they name, or failed the batch (BatchJournal): each
-- names an instrument that exists, and the check per row (a key-share lock and a look-up in instrument)
-- proved it a second time.
alter table book_command drop constraint book_command_instrument_id_fkey;

-- seq is an identity column (generated always): PostgreSQL hands out each value once, and the
-- participant's listing reads it through exchange_order_participant. Its own unique index was a second
-- entry per row.
alter table exchange_order drop constraint exchange_order_seq_key;

-- Two indexes on (instrument_id, book_priority): a unique one over every row and a partial one over the
-- open orders, which the rebuild of a book reads. One unique index over the open orders keeps what the
-- book needs (no two orders in it share a place in the queue) and the rebuild's path. A closed order keeps
-- its old priority only to get its place back (a sell order whose delivery failed not by its fault), and
-- reopening it checks that place against the open orders.
drop index exchange_order_book;
alter table exchange_order drop constraint exchange_order_book_priority;
create unique index exchange_order_book on exchange_order (instrument_id, book_priority) where status = 'OPEN';
