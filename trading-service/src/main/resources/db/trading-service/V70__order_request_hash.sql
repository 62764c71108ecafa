-- An order placed with an Idempotency-Key records the hash of its request (method, path, query and body;
-- service-support's IdempotencyFilter computes it) on its own row, in the book writer's group commit:
-- the key is stored in the command's transaction (docs/architecture.md), at no statement of its own. The
-- order's id follows from the participant and the key, so a repeat finds the row by id: the same hash
-- answers that order again, another hash is refused (422 idempotency-key-reused). Null: an order placed
-- without a key, or before this column.
alter table exchange_order add column request_hash text;
