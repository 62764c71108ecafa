-- The W3C traceparent of the request that wrote the event: the relay sends the event later, on
-- its own thread, and continues that trace so the consumers' spans join the request's.
alter table outbox_event add column trace_parent text;
