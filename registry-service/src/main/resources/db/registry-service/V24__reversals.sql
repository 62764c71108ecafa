-- Reversals (Verra AFOLU practice, domain.md): the administrator records a loss of stored carbon
-- (fire, pests, logging). That many buffer credits are cancelled from the pooled buffer: the
-- project's own buffer credits first, then other projects' (oldest vintage first); what the pool
-- cannot cover is the shortfall. The project gets no new credits until reports verified after the
-- reversal add up to the loss (made_good_credits >= loss_credits).
create table reversal (
    id                uuid primary key,
    project_id        uuid          not null references project (id),
    loss_date         date          not null,
    cause             text          not null check (length(trim(cause)) > 0),
    loss_credits      bigint        not null check (loss_credits > 0),
    buffer_cancelled  bigint        not null check (buffer_cancelled >= 0 and buffer_cancelled <= loss_credits),
    made_good_credits bigint        not null default 0 check (made_good_credits >= 0),
    made_good_at      timestamptz,
    recorded_by       uuid          not null references participant (id),
    recorded_at       timestamptz   not null,
    check ((made_good_at is null) = (made_good_credits < loss_credits))
);
create index reversal_project on reversal (project_id) where made_good_at is null;
create index reversal_listing on reversal (recorded_at, id);

alter table cancellation add constraint cancellation_of_a_reversal foreign key (reversal_id) references reversal (id);
alter table cancellation add constraint cancellation_reversal_kind check ((kind = 'REVERSAL') = (reversal_id is not null));

-- A report verified while a reversal blocked its project: its credits make the loss good and are
-- not issued. The primary key keeps a redelivered report from counting twice.
create table reversal_make_good (
    report_id   uuid primary key,
    project_id  uuid        not null references project (id),
    credits     bigint      not null check (credits > 0),
    recorded_at timestamptz not null
);

-- the public serial lookup finds a serial's movements by project and range
create index ledger_movement_serials on ledger_movement (project_id, first_serial);
