-- Verification in depth (issue 7): the project's method, crediting period and state; participants;
-- versioned parameter tables with sources; reports with versions, transitions, provenance and vintages.

-- ---------------------------------------------------------------- projects and participants

alter table project
    add column province               text,
    add column methodology_version    text,
    -- the method the registry named, or derived from methodology code and ecosystem for old events
    add column calculation_method     text check (calculation_method in ('FOREST_STOCK_DIFFERENCE',
        'MANGROVE_BIOMASS_AND_SOIL', 'WETLAND_BIOMASS_AND_SOIL', 'GRASSLAND_SOIL_TIER1', 'FARMLAND_SOIL_TIER1')),
    add column crediting_period_start date,
    add column crediting_period_end   date,
    add column state                  text    not null default 'REGISTERED'
        check (state in ('REGISTERED', 'SUSPENDED', 'CANCELLED', 'REVOKED')),
    add column issuance_blocked       boolean not null default false,
    add column state_reason           text,
    add column state_changed_at       timestamptz,
    add constraint crediting_period_is_ordered check (crediting_period_end >= crediting_period_start);

-- Participants as the registry registered them (ParticipantRegistered); verification checks that a
-- named verifier is registered as a VERIFIER.
create table participant (
    id            uuid primary key,
    name          text        not null,
    role          text        not null,
    registered_at timestamptz not null
);

-- ---------------------------------------------------------------- parameter tables

-- A parameter table version: every report's provenance names the version it was computed with, and
-- copies every value it used, so a correction (a new version) never rewrites a computed report.
create table parameter_table (
    version      text primary key,
    published_on date not null,
    note         text not null
);

insert into parameter_table values ('P-2026-12-01', date '2026-12-01',
    'First versioned tables: species (with habitat and growth bound), volume equations, soil accumulation rates, '
    || 'IPCC Tier 1 soil reference stocks and factors, national reference figures. Rows marked [V] still need '
    || 'checking against the named table.');

alter table species_parameters
    add column habitat              text not null default 'FOREST' check (habitat in ('FOREST', 'MANGROVE', 'WETLAND')),
    -- largest plausible mean annual stem volume increment, m3/ha/yr: above it a report is flagged
    add column max_annual_increment numeric(8,2) check (max_annual_increment > 0),
    add column table_version        text not null default 'P-2026-12-01' references parameter_table (version);

-- The four species defaults name the table they are believed to come from: the dominant-species table
-- (SVD, BEF, R, CF by tree species group) of the provincial GHG inventory guideline's land-use change and
-- forestry chapter, which provincial LUCF inventories cite for SVD and BEF. The values have not yet been
-- compared with that table, so they stay [V].
update species_parameters set max_annual_increment = case code
        when 'CHINESE_FIR' then 25 when 'MASSON_PINE' then 20 when 'POPLAR' then 30 when 'EUCALYPTUS' then 45 end,
    source = '[V] SVD, BEF, R, CF: 省级温室气体清单编制指南（试行）(NDRC, 2011), land-use change and forestry '
        || 'chapter, table of dominant tree species groups (as copied into docs/domain.md; not yet compared with '
        || 'the table). Growth bound (largest plausible mean annual increment, m3/ha/yr) [V]: upper range of '
        || 'fast-growing plantation yields in China, an estimate to be checked against LY/T growth and yield tables';

insert into species_parameters (code, name, wood_density, expansion_factor, root_shoot_ratio, carbon_fraction,
                                source, habitat, max_annual_increment) values
    ('KANDELIA_OBOVATA', 'Kandelia obovata (秋茄)', 0.600, 1.500, 0.500, 0.450,
     '[V] placeholder mangrove defaults for the worked example, no table found yet: SVD and BEF to be taken from '
     || 'a mangrove allometry study, R from IPCC 2013 Wetlands Supplement ch. 4 (root-to-shoot ratios of mangroves), '
     || 'CF from IPCC 2013 Wetlands Supplement ch. 4 (carbon fraction of mangrove biomass 0.45-0.48)', 'MANGROVE', 15),
    ('TAXODIUM_DISTICHUM', 'Bald cypress (落羽杉), wetland afforestation', 0.420, 1.400, 0.250, 0.500,
     '[V] placeholder wetland-tree defaults, no table found yet', 'WETLAND', 20);

-- Provincial values of a species, where a source gives them (e.g. a provincial LUCF inventory's own
-- measurements): a project in that province is computed with them instead of the national row.
-- None is loaded yet: no provincial table has been checked.
create table species_region_parameters (
    code             text         not null references species_parameters (code),
    province         text         not null,
    wood_density     numeric(8,4) not null check (wood_density > 0),
    expansion_factor numeric(8,4) not null check (expansion_factor > 0),
    root_shoot_ratio numeric(8,4) not null check (root_shoot_ratio >= 0),
    carbon_fraction  numeric(8,4) not null check (carbon_fraction > 0 and carbon_fraction < 1),
    source           text         not null,
    table_version    text         not null default 'P-2026-12-01' references parameter_table (version),
    primary key (code, province)
);

-- Stem volume equations of the combined-variable form V = b0 + b1 * D^2 * H (m3; D cm, H m).
create table volume_equation (
    code          text primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name          text         not null,
    b0            numeric(12,8) not null,
    b1            numeric(16,12) not null check (b1 > 0),
    source        text         not null,
    table_version text         not null default 'P-2026-12-01' references parameter_table (version)
);

insert into volume_equation (code, name, b0, b1, source) values
    ('FORM_FACTOR_0_5', 'Cylinder with form factor 0.5: V = 0.5 * pi/4 * D^2 * H / 10000', 0, 0.0000393,
     '[V] generic: breast-height form factor 0.5 times the basal-area constant pi/40000 = 0.0000392699, rounded up '
     || 'to 0.0000393; Spurr (1952) combined-variable form. To be replaced by the species'' binary volume tables '
     || '(LY/T two-entry volume tables per province) once their coefficients are loaded in this exact form');

-- Soil carbon accumulation of coastal wetlands, t C per ha and year.
create table soil_accumulation_rate (
    land_type     text primary key check (land_type in ('MANGROVE', 'TIDAL_MARSH', 'SEAGRASS')),
    rate          numeric(8,4) not null check (rate > 0),
    source        text not null,
    table_version text not null default 'P-2026-12-01' references parameter_table (version)
);

insert into soil_accumulation_rate (land_type, rate, source) values
    ('MANGROVE', 1.62, '[V] IPCC 2013 Wetlands Supplement, ch. 4 (coastal wetlands), Table 4.12: annual soil carbon '
     || 'accumulation after rewetting, revegetation or creation, mangrove 1.62 t C/ha/yr'),
    ('TIDAL_MARSH', 0.91, '[V] IPCC 2013 Wetlands Supplement, ch. 4, Table 4.12: tidal marsh 0.91 t C/ha/yr'),
    ('SEAGRASS', 0.43, '[V] IPCC 2013 Wetlands Supplement, ch. 4, Table 4.12: seagrass meadow 0.43 t C/ha/yr');

-- IPCC 2006 Tier 1 default reference SOC stocks of mineral soils, t C/ha, 0-30 cm.
create table soil_reference_stock (
    code          text primary key check (code ~ '^[A-Z][A-Z0-9_]*$'),
    climate       text not null,
    soil          text not null,
    stock         numeric(8,2) not null check (stock > 0),
    source        text not null,
    table_version text not null default 'P-2026-12-01' references parameter_table (version)
);

insert into soil_reference_stock (code, climate, soil, stock, source) values
    ('COLD_TEMPERATE_DRY_HAC', 'cold temperate, dry', 'high-activity clay', 50,
     '[V] IPCC 2006 GL vol. 4 ch. 2, Table 2.3 (default SOC_REF, mineral soils, 0-30 cm)'),
    ('COLD_TEMPERATE_MOIST_HAC', 'cold temperate, moist', 'high-activity clay', 95,
     '[V] IPCC 2006 GL vol. 4 ch. 2, Table 2.3'),
    ('WARM_TEMPERATE_DRY_HAC', 'warm temperate, dry', 'high-activity clay', 38,
     '[V] IPCC 2006 GL vol. 4 ch. 2, Table 2.3'),
    ('WARM_TEMPERATE_MOIST_HAC', 'warm temperate, moist', 'high-activity clay', 88,
     '[V] IPCC 2006 GL vol. 4 ch. 2, Table 2.3'),
    ('WARM_TEMPERATE_MOIST_LAC', 'warm temperate, moist', 'low-activity clay', 63,
     '[V] IPCC 2006 GL vol. 4 ch. 2, Table 2.3'),
    ('TROPICAL_MOIST_LAC', 'tropical, moist', 'low-activity clay', 47,
     '[V] IPCC 2006 GL vol. 4 ch. 2, Table 2.3');

-- IPCC 2006 Tier 1 relative stock change factors (20 years): land use, management, input.
create table soil_factor (
    land_class    text not null check (land_class in ('GRASSLAND', 'FARMLAND')),
    kind          text not null check (kind in ('LAND_USE', 'MANAGEMENT', 'INPUT')),
    code          text not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
    factor        numeric(6,3) not null check (factor > 0),
    source        text not null,
    table_version text not null default 'P-2026-12-01' references parameter_table (version),
    primary key (land_class, kind, code)
);

insert into soil_factor (land_class, kind, code, factor, source) values
    ('GRASSLAND', 'LAND_USE', 'ALL', 1.00, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2: F_LU of grassland is 1'),
    ('GRASSLAND', 'MANAGEMENT', 'NOMINALLY_MANAGED', 1.00, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2'),
    ('GRASSLAND', 'MANAGEMENT', 'MODERATELY_DEGRADED_TEMPERATE', 0.95, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2'),
    ('GRASSLAND', 'MANAGEMENT', 'SEVERELY_DEGRADED', 0.70, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2'),
    ('GRASSLAND', 'MANAGEMENT', 'IMPROVED_TEMPERATE', 1.14, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2'),
    ('GRASSLAND', 'INPUT', 'MEDIUM', 1.00, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2'),
    ('GRASSLAND', 'INPUT', 'HIGH', 1.11, '[V] IPCC 2006 GL vol. 4 ch. 6, Table 6.2 (improved grassland only)'),
    ('FARMLAND', 'LAND_USE', 'LONG_TERM_CULTIVATED_TEMPERATE_DRY', 0.80, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'LAND_USE', 'LONG_TERM_CULTIVATED_TEMPERATE_MOIST', 0.69, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'LAND_USE', 'PADDY_RICE', 1.10, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'MANAGEMENT', 'FULL_TILLAGE', 1.00, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'MANAGEMENT', 'REDUCED_TILLAGE_TEMPERATE_DRY', 1.02, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'MANAGEMENT', 'NO_TILL_TEMPERATE_DRY', 1.10, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'MANAGEMENT', 'NO_TILL_TEMPERATE_MOIST', 1.15, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'INPUT', 'LOW_TEMPERATE_DRY', 0.95, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'INPUT', 'MEDIUM', 1.00, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'INPUT', 'HIGH_WITHOUT_MANURE_TEMPERATE_DRY', 1.04, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5'),
    ('FARMLAND', 'INPUT', 'HIGH_WITH_MANURE_TEMPERATE_DRY', 1.37, '[V] IPCC 2006 GL vol. 4 ch. 5, Table 5.5');

-- Reference figures for plausibility flags (docs/domain.md, "National check").
create table reference_figure (
    code          text primary key,
    value         numeric(14,4) not null,
    unit          text not null,
    source        text not null,
    table_version text not null default 'P-2026-12-01' references parameter_table (version)
);

insert into reference_figure (code, value, unit, source) values
    ('NATIONAL_FOREST_CARBON_DENSITY', 41.67, 't C/ha',
     '[S] 9th national forest inventory (2014-2018): 9.186 Gt C over 220.45 Mha = 41.669 t C/ha'),
    ('TREE_CARBON_DENSITY_BOUND', 166.68, 't C/ha',
     'four times the 9th national forest inventory mean of 41.67 t C/ha ([S] 9.186 Gt C / 220.45 Mha); '
     || 'the multiple is this service''s choice: a stand above it is possible but rare, so the verifier checks it');

-- ---------------------------------------------------------------- reports

-- The reports of V1 carried only stand volumes and a typed-in uncertainty, without provenance. They
-- are replaced by the versioned form below (no production data existed before this version).
drop trigger monitoring_report_verifier_not_validator on monitoring_report;
drop trigger monitoring_report_not_deleted on monitoring_report;
drop trigger monitoring_report_decided_once on monitoring_report;
drop table report_stratum;
drop table monitoring_report;
drop function monitoring_report_verifier_not_validator();
drop function monitoring_report_decided_once();

create table monitoring_report (
    id                 uuid primary key,
    project_id         uuid        not null references project (id),
    owner_id           uuid        not null,
    verifier_id        uuid        not null,
    period_start       date        not null,
    period_end         date        not null,
    calculation_method text        not null,
    status             text        not null check (status in ('SUBMITTED', 'DISCLOSED', 'UNDER_VERIFICATION',
        'CHANGES_REQUESTED', 'RESUBMITTED', 'VERIFIED', 'REJECTED', 'ISSUED')),
    current_version    integer     not null check (current_version >= 1),
    submitted_at       timestamptz not null,
    disclosure_opens   date,
    disclosure_closes  date,
    decided_by         uuid,
    decided_at         timestamptz,
    findings           text,
    -- CCER: only removals generated after 2020-09-22 are eligible.
    constraint period_after_ccer_cutoff check (period_start >= date '2020-09-22'),
    constraint period_is_ordered check (period_end > period_start),
    constraint verifier_not_owner check (verifier_id <> owner_id),
    constraint disclosed_with_window check ((disclosure_opens is null) = (disclosure_closes is null)
        and (disclosure_closes is null or disclosure_closes >= disclosure_opens)),
    constraint disclosed_before_verification check (status in ('SUBMITTED') or disclosure_opens is not null),
    constraint decided_by_the_verifier check (
        (status in ('VERIFIED', 'ISSUED', 'REJECTED')) = (decided_by is not null and decided_at is not null)
        and (decided_by is null or decided_by = verifier_id)
        and (status <> 'REJECTED' or findings is not null)),
    -- Two live (not rejected) reports of a project never claim the same day twice.
    constraint periods_do_not_overlap exclude using gist (
        project_id with =, daterange(period_start, period_end, '[]') with &&) where (status <> 'REJECTED')
);

create index monitoring_report_by_project on monitoring_report (project_id, period_start);
create index monitoring_report_by_status on monitoring_report (status, submitted_at);

-- The workflow, enforced here as well: only these moves are possible, and a concluded report's
-- period, verifier and version never change.
create function monitoring_report_moves() returns trigger language plpgsql as $$
begin
    if new.status <> old.status and not (old.status, new.status) in (
            ('SUBMITTED', 'DISCLOSED'), ('DISCLOSED', 'UNDER_VERIFICATION'),
            ('UNDER_VERIFICATION', 'CHANGES_REQUESTED'), ('UNDER_VERIFICATION', 'VERIFIED'),
            ('UNDER_VERIFICATION', 'REJECTED'), ('CHANGES_REQUESTED', 'RESUBMITTED'),
            ('RESUBMITTED', 'CHANGES_REQUESTED'), ('RESUBMITTED', 'VERIFIED'), ('RESUBMITTED', 'REJECTED'),
            ('VERIFIED', 'ISSUED')) then
        raise exception 'monitoring report % cannot move from % to %', old.id, old.status, new.status
            using errcode = '23514';
    end if;
    if old.status in ('VERIFIED', 'REJECTED', 'ISSUED')
       and (new.project_id, new.verifier_id, new.period_start, new.period_end, new.current_version, new.decided_by,
            new.decided_at, new.findings)
           is distinct from (old.project_id, old.verifier_id, old.period_start, old.period_end, old.current_version,
            old.decided_by, old.decided_at, old.findings) then
        raise exception 'monitoring report % was already decided (%)', old.id, old.status using errcode = '23514';
    end if;
    return new;
end $$;

create trigger monitoring_report_moves before update on monitoring_report
    for each row execute function monitoring_report_moves();

create trigger monitoring_report_not_deleted before delete on monitoring_report
    for each row execute function monitoring_report_not_deleted();

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

-- Every version of a report's contents stays readable. provenance is the canonical JSON of every
-- input of the calculation (field data, parameters with sources, method, versions); its SHA-256 is
-- provenance_hash. The figures are the calculation's results, for lists and for the recomputation check.
create table report_version (
    report_id            uuid          not null references monitoring_report (id),
    version              integer       not null check (version >= 1),
    submitted_by         uuid          not null,
    submitted_at         timestamptz   not null,
    period_start         date          not null,
    period_end           date          not null,
    provenance           text          not null,
    provenance_hash      text          not null check (provenance_hash ~ '^[0-9a-f]{64}$'),
    formula_version      text          not null,
    parameter_version    text          not null references parameter_table (version),
    net_removals         numeric(24,4) not null,
    uncertainty_percent  numeric(12,4),
    uncertainty_source   text,
    deduction_rate       numeric(5,4)  not null check (deduction_rate >= 0 and deduction_rate < 1),
    credits              bigint        not null check (credits >= 0),
    buffer_credits       bigint        not null check (buffer_credits >= 0 and buffer_credits <= credits),
    vintages             text          not null,
    flags                text          not null,
    primary key (report_id, version)
);

create table report_transition (
    report_id   uuid        not null references monitoring_report (id),
    position    integer     not null check (position >= 0),
    from_status text,
    to_status   text        not null,
    version     integer     not null,
    actor       uuid,
    actor_role  text        not null,
    at          timestamptz not null,
    comment     text,
    primary key (report_id, position)
);

-- The vintages of a verified report as announced to the registry; issuance_id is set when the
-- registry's CreditsIssued for that vintage comes back, once.
create table report_vintage (
    report_id      uuid    not null references monitoring_report (id),
    vintage        integer not null,
    period_from    date    not null,
    period_to      date    not null,
    credits        bigint  not null check (credits > 0),
    buffer_credits bigint  not null check (buffer_credits >= 0 and buffer_credits <= credits),
    issuance_id    uuid unique,
    issued_at      timestamptz,
    primary key (report_id, vintage),
    check ((issuance_id is null) = (issued_at is null))
);
