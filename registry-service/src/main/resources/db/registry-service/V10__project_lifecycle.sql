-- The CCER project lifecycle (温室气体自愿减排交易管理办法（试行）): a project is drafted with its design,
-- publicly disclosed for 20 working days, validated, applied for, then registered or rejected, and
-- later suspended, cancelled by its owner or revoked for fraud. docs/project-lifecycle.md.

-- The methodology catalogue grows what eligibility and the removal calculation need.
alter table methodology
    add column version                    text,
    add column calculation_method         text,
    -- land claimed by two projects overlapping by no more than this is not a double claim (survey noise)
    add column overlap_tolerance_hectares numeric(10, 4) not null default 0.0100
        check (overlap_tolerance_hectares >= 0);

update methodology set version = substring(code from '-(V[0-9]+)$');
alter table methodology alter column version set not null;
update methodology set calculation_method = case code
    when 'CCER-14-001-V01' then 'FOREST_STOCK_DIFFERENCE'
    when 'CCER-14-002-V01' then 'MANGROVE_BIOMASS_AND_SOIL'
    when 'PILOT-GRASSLAND-V01' then 'GRASSLAND_SOIL_TIER1'
    when 'PILOT-WETLAND-V01' then 'WETLAND_BIOMASS_AND_SOIL'
    when 'DRAFT-FARMLAND-V01' then 'FARMLAND_SOIL_TIER1'
    end;
-- the calculation methods the verification service implements (its CalculationMethod)
alter table methodology add constraint methodology_calculation_method_known
    check (calculation_method in ('FOREST_STOCK_DIFFERENCE', 'MANGROVE_BIOMASS_AND_SOIL', 'WETLAND_BIOMASS_AND_SOIL',
                                  'GRASSLAND_SOIL_TIER1', 'FARMLAND_SOIL_TIER1'));

-- a sink methodology names its calculation and its crediting-period bounds
alter table methodology add constraint methodology_sink_has_calculation
    check (cardinality(ecosystem_types) = 0
           or (calculation_method is not null and crediting_period_min_years is not null));

-- The project's design, its disclosure window and its decision deadline. Rows written before this
-- migration have no design; the checks below hold for every row written from now on (not valid).
alter table project
    drop constraint project_status_check,
    drop constraint project_check,
    drop constraint project_check1,
    alter column applied_at drop not null,
    add column methodology_version    text,
    add column county                 text,
    add column construction_start     date,
    add column crediting_period_start date,
    add column crediting_period_end   date,
    -- non-permanence risk scores in percentage points (Verra AFOLU non-permanence risk tool)
    add column internal_risk          numeric(5, 2) check (internal_risk between 0 and 100),
    add column external_risk          numeric(5, 2) check (external_risk between 0 and 100),
    add column natural_risk           numeric(5, 2) check (natural_risk between 0 and 100),
    -- the boundary: WGS84 (lon, lat) Polygon or MultiPolygon as WKB, its bounding box for the
    -- overlap index, and its area on an equal-area projection (Boundary.java)
    add column boundary_wkb           bytea,
    add column bbox_min_lon           double precision,
    add column bbox_min_lat           double precision,
    add column bbox_max_lon           double precision,
    add column bbox_max_lat           double precision,
    add column boundary_hectares      numeric(14, 4),
    add column drafted_at             timestamptz,
    add column disclosure_opens       date,
    add column disclosure_closes      date,
    add column disclosure_note        text,
    add column decision_due           date,
    add column decision_note          text,
    add column state_changed_at       timestamptz,
    add column state_changed_by       uuid references participant (id),
    add column state_reason           text;

alter table project
    add constraint project_status check (status in ('DRAFT', 'PUBLIC_DISCLOSURE', 'VALIDATION', 'REGISTRATION_APPLIED',
                                                    'REGISTERED', 'REJECTED', 'SUSPENDED', 'CANCELLED', 'REVOKED')),
    add constraint project_rejection_has_reason check ((status = 'REJECTED') = (rejection_reason is not null)),
    add constraint project_design_complete check (
        methodology_version is not null and county is not null and construction_start is not null
        and crediting_period_start is not null and crediting_period_end > crediting_period_start
        and validator_id is not null and internal_risk is not null and external_risk is not null
        and natural_risk is not null and boundary_wkb is not null and boundary_hectares > 0
        and bbox_min_lon <= bbox_max_lon and bbox_min_lat <= bbox_max_lat and drafted_at is not null) not valid,
    add constraint project_disclosed_after_draft check (
        status in ('DRAFT', 'CANCELLED') or (disclosure_opens is not null and disclosure_closes >= disclosure_opens))
        not valid,
    add constraint project_applied_has_deadline check (
        status in ('DRAFT', 'PUBLIC_DISCLOSURE', 'VALIDATION', 'CANCELLED')
        or (applied_at is not null and decision_due is not null)) not valid,
    add constraint project_decided check (
        status not in ('REGISTERED', 'REJECTED', 'SUSPENDED', 'REVOKED') or decided_at is not null) not valid;

-- Only the transitions of the state machine (ProjectLifecycle.java); the code checks first, the
-- database makes sure no path around it exists.
create function project_follows_its_lifecycle() returns trigger language plpgsql as $$
begin
    if new.status = old.status then
        return new;
    end if;
    if (old.status, new.status) in (
        ('DRAFT', 'PUBLIC_DISCLOSURE'), ('DRAFT', 'CANCELLED'),
        ('PUBLIC_DISCLOSURE', 'VALIDATION'), ('PUBLIC_DISCLOSURE', 'CANCELLED'),
        ('VALIDATION', 'REGISTRATION_APPLIED'), ('VALIDATION', 'CANCELLED'),
        ('REGISTRATION_APPLIED', 'REGISTERED'), ('REGISTRATION_APPLIED', 'REJECTED'),
        ('REGISTRATION_APPLIED', 'CANCELLED'),
        ('REGISTERED', 'SUSPENDED'), ('REGISTERED', 'CANCELLED'), ('REGISTERED', 'REVOKED'),
        ('SUSPENDED', 'REGISTERED'), ('SUSPENDED', 'REVOKED')) then
        return new;
    end if;
    raise exception 'project % cannot go from % to %', old.code, old.status, new.status
        using errcode = 'check_violation';
end $$;
create trigger project_lifecycle before update of status on project
    for each row execute function project_follows_its_lifecycle();

-- Candidates for a land overlap: PostgreSQL's own box type and GiST index (no PostGIS needed);
-- JTS then checks the exact geometries of the few projects whose boxes meet.
create index project_land_claims on project
    using gist (box(point(bbox_min_lon, bbox_min_lat), point(bbox_max_lon, bbox_max_lat)))
    where status in ('PUBLIC_DISCLOSURE', 'VALIDATION', 'REGISTRATION_APPLIED', 'REGISTERED', 'SUSPENDED');

-- Public comments during disclosure. client_key is a keyed hash of the client address, kept only to
-- limit how often one address may comment; it is never shown.
create table project_comment (
    id         uuid primary key,
    project_id uuid        not null references project (id),
    author     text        check (author is null or length(author) between 1 and 200),
    body       text        not null check (length(trim(body)) > 0),
    posted_at  timestamptz not null,
    client_key text        not null
);
create index project_comment_by_project on project_comment (project_id, posted_at, id);
create index project_comment_by_client on project_comment (client_key, posted_at);

-- The validator's report: one per project, positive or negative.
create table validation_report (
    project_id   uuid primary key references project (id),
    validator_id uuid        not null references participant (id),
    positive     boolean     not null,
    summary      text        not null check (length(trim(summary)) > 0),
    document_url text,
    filed_at     timestamptz not null
);

create index project_decision_due on project (decision_due) where status = 'REGISTRATION_APPLIED';
