-- Outbox: events written in the same transaction as the state change they describe, relayed to
-- Kafka afterwards by OutboxRelay, in id order. A crash between commit and send loses nothing.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_key      text        not null,
    event_type     text        not null,
    payload        text        not null,
    correlation_id text,
    created_at     timestamptz not null default now(),
    published_at   timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);
create index outbox_event_pending on outbox_event (id) where published_at is null;

-- Inbox: a consumer records each event id in the same transaction as its effect, so a
-- redelivered event finds its row and changes nothing.
create table inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
