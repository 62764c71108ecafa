-- Idempotency-Key: the first request with a key (per caller) runs; a repeat with the same key and
-- the same body gets the stored response; with another body it is refused. A row without a
-- status is a request still running.
create table idempotent_request (
    caller          text        not null,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    request_hash    text        not null,
    status          integer,
    content_type    text,
    response_body   text,
    location        text,
    created_at      timestamptz not null default now(),
    primary key (caller, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
