-- Every order row the writer inserts pays for each index of exchange_order (docs/benchmarks.md).
-- book_sequence numbered orders across all books before the engine; book_priority (per instrument) took
-- its place and nothing reads it, yet each row still paid a sequence call and an entry in its unique
-- index. Dropping the column drops that index and its check.
alter table exchange_order drop column book_sequence;
drop sequence book_sequence;
