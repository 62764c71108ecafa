-- Projects as the registry announced them (ProjectRegistered); verification never changes them.
create table project (
    id               uuid primary key,
    code             text          not null unique,
    owner_id         uuid          not null,
    methodology_code text          not null,
    ecosystem_type   text          not null,
    area_hectares    numeric(14,4) not null check (area_hectares > 0),
    buffer_rate      numeric(5,4)  not null check (buffer_rate >= 0 and buffer_rate <= 1),
    validator_id     uuid,
    registered_at    timestamptz   not null
);

-- Species parameters of the stock-difference method (CCER-14-001, AR-TOOL14). They are data, not
-- code: the defaults below are still to be checked against the source, and a corrected table is a
-- data change. Reports copy the values they used, so a correction does not rewrite history.
create table species_parameters (
    code               text primary key check (code ~ '^[A-Z][A-Z_]*$'),
    name               text          not null,
    wood_density       numeric(8,4)  not null check (wood_density > 0),        -- SVD, t dry matter per m3
    expansion_factor   numeric(8,4)  not null check (expansion_factor > 0),    -- BEF, stem to above-ground
    root_shoot_ratio   numeric(8,4)  not null check (root_shoot_ratio >= 0),   -- R, below- to above-ground
    carbon_fraction    numeric(8,4)  not null check (carbon_fraction > 0 and carbon_fraction < 1), -- CF, t C per t dry matter
    source             text          not null
);

insert into species_parameters values
    ('CHINESE_FIR', 'Chinese fir (Cunninghamia lanceolata)', 0.307, 1.634, 0.246, 0.520,
     '[V] species default from docs/domain.md, still to be checked against the original table'),
    ('MASSON_PINE', 'Masson pine (Pinus massoniana)', 0.380, 1.472, 0.187, 0.460,
     '[V] species default from docs/domain.md, still to be checked against the original table'),
    ('POPLAR', 'Poplar (Populus spp.)', 0.378, 1.446, 0.227, 0.496,
     '[V] species default from docs/domain.md, still to be checked against the original table'),
    ('EUCALYPTUS', 'Eucalyptus (Eucalyptus spp.)', 0.578, 1.263, 0.221, 0.525,
     '[V] species default from docs/domain.md, still to be checked against the original table');

-- Deduction by relative uncertainty at 90% confidence: the band is the one with the smallest upper
-- bound at or above the report's uncertainty. No band above 30%: such a report needs more plots.
create table uncertainty_band (
    upper_percent  numeric(5,2) primary key check (upper_percent > 0 and upper_percent <= 100),
    deduction_rate numeric(5,4) not null check (deduction_rate >= 0 and deduction_rate < 1),
    source         text         not null
);

insert into uncertainty_band values
    (10, 0.00, '[V] uncertainty deduction from docs/domain.md, still to be checked'),
    (20, 0.06, '[V] uncertainty deduction from docs/domain.md, still to be checked'),
    (30, 0.11, '[V] uncertainty deduction from docs/domain.md, still to be checked');

-- The exclusion constraint below compares project ids with = inside a GiST index.
create extension if not exists btree_gist;

create table monitoring_report (
    id                           uuid primary key,
    project_id                   uuid          not null references project (id),
    owner_id                     uuid          not null,
    verifier_id                  uuid          not null,
    period_start                 date          not null,
    period_end                   date          not null,
    relative_uncertainty_percent numeric(5,2)  not null,
    baseline_removals            numeric(18,4) not null check (baseline_removals >= 0),
    leakage                      numeric(18,4) not null check (leakage >= 0),
    project_emissions            numeric(18,4) not null check (project_emissions >= 0),
    delta_c_tree                 numeric(18,4) not null,
    net_removals                 numeric(18,4) not null,
    deduction_rate               numeric(5,4)  not null check (deduction_rate >= 0 and deduction_rate < 1),
    verified_credits             bigint        not null check (verified_credits >= 0),
    buffer_rate                  numeric(5,4)  not null check (buffer_rate >= 0 and buffer_rate <= 1),
    buffer_credits               bigint        not null check (buffer_credits >= 0 and buffer_credits <= verified_credits),
    vintage                      integer       not null,
    status                       text          not null check (status in ('SUBMITTED', 'VERIFIED', 'REJECTED')),
    submitted_at                 timestamptz   not null,
    decided_by                   uuid,
    decided_at                   timestamptz,
    decision_comment             text,
    -- CCER: only removals generated after 2020-09-22 are eligible.
    constraint period_after_ccer_cutoff check (period_start >= date '2020-09-22'),
    constraint period_is_ordered check (period_end > period_start),
    constraint vintage_is_period_end_year check (vintage = extract(year from period_end)),
    -- The accepted maximum is data (uncertainty_band); here only the range of a percentage.
    constraint uncertainty_is_percentage check (relative_uncertainty_percent >= 0 and relative_uncertainty_percent <= 100),
    constraint decided_once check (
        (status = 'SUBMITTED' and decided_by is null and decided_at is null and decision_comment is null)
        or (status = 'VERIFIED' and decided_by = verifier_id and decided_at is not null and verified_credits > 0)
        or (status = 'REJECTED' and decided_by = verifier_id and decided_at is not null and decision_comment is not null)),
    -- Two live (not rejected) reports of a project never claim the same day twice.
    constraint periods_do_not_overlap exclude using gist (
        project_id with =, daterange(period_start, period_end, '[]') with &&) where (status <> 'REJECTED')
);

create index monitoring_report_by_project on monitoring_report (project_id, period_start);
create index monitoring_report_by_status on monitoring_report (status, submitted_at);

-- A decision is final: a decided report never changes again, and its figures never change at all.
create function monitoring_report_decided_once() returns trigger language plpgsql as $$
begin
    if old.status <> 'SUBMITTED' then
        raise exception 'monitoring report % was already decided (%)', old.id, old.status
            using errcode = '23514';
    end if;
    if (new.project_id, new.owner_id, new.verifier_id, new.period_start, new.period_end,
        new.net_removals, new.verified_credits, new.buffer_credits)
       is distinct from (old.project_id, old.owner_id, old.verifier_id, old.period_start, old.period_end,
        old.net_removals, old.verified_credits, old.buffer_credits) then
        raise exception 'the figures of monitoring report % cannot change', old.id using errcode = '23514';
    end if;
    return new;
end $$;

create trigger monitoring_report_decided_once before update on monitoring_report
    for each row execute function monitoring_report_decided_once();

create function monitoring_report_not_deleted() returns trigger language plpgsql as $$
begin
    -- CCER: records are kept at least 10 years.
    raise exception 'monitoring report % cannot be deleted', old.id using errcode = '23514';
end $$;

create trigger monitoring_report_not_deleted before delete on monitoring_report
    for each row execute function monitoring_report_not_deleted();

create table report_stratum (
    report_id              uuid          not null references monitoring_report (id),
    position               integer       not null check (position >= 0),
    species                text          not null references species_parameters (code),
    area_hectares          numeric(14,4) not null check (area_hectares > 0),
    volume_start_per_ha    numeric(12,4) not null check (volume_start_per_ha >= 0),
    volume_end_per_ha      numeric(12,4) not null check (volume_end_per_ha >= 0),
    wood_density           numeric(8,4)  not null,
    expansion_factor       numeric(8,4)  not null,
    root_shoot_ratio       numeric(8,4)  not null,
    carbon_fraction        numeric(8,4)  not null,
    factor                 numeric(12,6) not null check (factor > 0),
    carbon_start           numeric(18,4) not null check (carbon_start >= 0),
    carbon_end             numeric(18,4) not null check (carbon_end >= 0),
    removals               numeric(18,4) not null,
    primary key (report_id, position)
);

-- CCER: a report is verified by a body other than the one that validated the project.
create function monitoring_report_verifier_not_validator() returns trigger language plpgsql as $$
begin
    if exists (select 1 from project where id = new.project_id and validator_id = new.verifier_id) then
        raise exception 'verifier % validated project % and may not verify its reports',
            new.verifier_id, new.project_id using errcode = '23514';
    end if;
    return new;
end $$;

create trigger monitoring_report_verifier_not_validator before insert on monitoring_report
    for each row execute function monitoring_report_verifier_not_validator();
