-- A request that runs beside its key (no transactional rule) claims the key only until
-- claimed_until: if its process dies before the response is stored, a retry with the same request
-- takes the claim over once it has lapsed instead of being told "in progress" until the cleanup.
-- (The transactional mode sets it too, but its row is seen only once it commits with its response.)
-- Null on rows written before this column: only the cleanup ends those.
alter table idempotent_request add column claimed_until timestamptz;
