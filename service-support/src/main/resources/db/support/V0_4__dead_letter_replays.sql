-- Every replay of a dead letter back to its original topic: who, when, which record, and whether
-- the broker took it. "Replay all" skips the records that were already sent back once.
create table dead_letter_replay (
    id                    bigserial primary key,
    dead_letter_topic     text        not null,
    dead_letter_partition integer     not null,
    dead_letter_offset    bigint      not null,
    original_topic        text        not null,
    event_id              text,
    replayed_by           text        not null,
    replayed_at           timestamptz not null default now(),
    result                text        not null check (result in ('SENT', 'FAILED')),
    error                 text
);
create index dead_letter_replay_record on dead_letter_replay (dead_letter_topic, dead_letter_partition, dead_letter_offset);
