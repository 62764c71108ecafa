-- A row that can never be sent (too large, refused by the broker's ACLs, ...) is parked with its
-- reason instead of blocking the relay; only later rows of its topic and key wait behind it. An
-- administrator releases it after a fix, which is recorded on the row.
alter table outbox_event
    add column parked_at   timestamptz,
    add column park_reason text,
    add column released_at timestamptz,
    add column released_by text;

drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (id) where published_at is null and parked_at is null;
create index outbox_event_parked on outbox_event (topic, event_key, id) where published_at is null and parked_at is not null;
