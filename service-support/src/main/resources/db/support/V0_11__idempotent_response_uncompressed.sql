-- A stored response is written once and read back only when its request is repeated, which few are. Over
-- 2 KB (a batch of orders answers about 9 KB) PostgreSQL compressed it with pglz before moving it out of
-- line: about 3% of the database's CPU in a load of batched orders, the most of any single function after
-- the B-tree's (perf, docs/benchmarks.md, "Load through the gateway", session 8). Out of line uncompressed
-- it costs a few hundred bytes more of storage and WAL per stored response, and is read back unchanged.
alter table idempotent_request alter column response_body set storage external;
