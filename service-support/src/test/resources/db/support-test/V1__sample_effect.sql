create table sample_effect (
    id         bigserial primary key,
    event_id   uuid not null,
    name       text not null
);
