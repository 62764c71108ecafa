-- Participants and their registry accounts. Identity is a placeholder (X-Participant-Id) until
-- tokens arrive; the registry administrator and the buffer pool's holder are seeded here.
create table participant (
    id         uuid primary key,
    name       text        not null check (length(trim(name)) > 0),
    role       text        not null check (role in ('PROJECT_OWNER', 'VERIFIER', 'REGISTRY_ADMINISTRATOR',
                                                    'TRADER', 'EXCHANGE_OPERATOR', 'SYSTEM')),
    created_at timestamptz not null default now()
);

create table account (
    id             uuid primary key,
    participant_id uuid        not null references participant (id),
    kind           text        not null check (kind in ('HOLDING', 'BUFFER_POOL')),
    created_at     timestamptz not null default now(),
    unique (participant_id, kind)
);
-- there is one buffer pool
create unique index account_single_buffer_pool on account (kind) where kind = 'BUFFER_POOL';

insert into participant (id, name, role) values
    ('00000000-0000-0000-0000-00000000a001', 'Registry administrator', 'REGISTRY_ADMINISTRATOR'),
    ('00000000-0000-0000-0000-00000000b001', 'Buffer pool', 'SYSTEM');
insert into account (id, participant_id, kind) values
    ('00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000b001', 'BUFFER_POOL');

-- The methodology catalogue. CCER publishes few sink methodologies; the seed paper asks for
-- grassland, wetland and farmland ones, held here as PILOT or DRAFT so projects cannot register
-- under them yet. buffer_rate: the non-permanence share of each verified quantity put into the
-- pooled buffer account (Verra AFOLU practice, minimum 10% for sinks; CCER itself has no buffer).
create table methodology (
    code                       text primary key,
    name                       text          not null,
    name_zh                    text,
    sector                     text          not null,
    ecosystem_types            text[]        not null,
    status                     text          not null check (status in ('ACTIVE', 'PILOT', 'DRAFT', 'WITHDRAWN')),
    crediting_period_min_years integer,
    crediting_period_max_years integer,
    buffer_rate                numeric(5, 4) not null check (buffer_rate >= 0 and buffer_rate < 1),
    source                     text          not null,
    check (crediting_period_min_years is null or crediting_period_max_years >= crediting_period_min_years)
);

insert into methodology values
    ('CCER-14-001-V01', 'Afforestation carbon sink', '造林碳汇', '14 forestry and other sinks',
     array['FOREST', 'SHRUBLAND'], 'ACTIVE', 20, 40, 0.1000,
     'MEE first CCER methodology batch, 2023-10 [S]; crediting period 20-40 years [V]'),
    ('CCER-14-002-V01', 'Mangrove creation', '红树林营造', '14 forestry and other sinks',
     array['MANGROVE'], 'ACTIVE', 20, 40, 0.1000,
     'MEE first CCER methodology batch, 2023-10 [S]; code and crediting period to be checked [V]'),
    ('CCER-01-001-V01', 'Grid-connected solar thermal power', '并网光热发电', '01 energy',
     array[]::text[], 'ACTIVE', null, null, 0.0000, 'MEE first CCER methodology batch, 2023-10 [S]'),
    ('CCER-01-002-V01', 'Grid-connected offshore wind power', '并网海上风力发电', '01 energy',
     array[]::text[], 'ACTIVE', null, null, 0.0000, 'MEE first CCER methodology batch, 2023-10 [S]'),
    ('PILOT-GRASSLAND-V01', 'Grassland restoration soil carbon (IPCC Tier 1)', '草地碳汇', '14 forestry and other sinks',
     array['GRASSLAND'], 'PILOT', 20, 20, 0.1500,
     'Pilot proposed by the seed paper (Inner Mongolia, Sichuan); SOC change over 20 years, IPCC 2006 Tier 1 [V]'),
    ('PILOT-WETLAND-V01', 'Wetland restoration carbon sink', '湿地碳汇', '14 forestry and other sinks',
     array['WETLAND'], 'PILOT', 20, 40, 0.1500,
     'Pilot proposed by the seed paper (Qinghai, Hubei); IPCC 2013 Wetlands Supplement rates [V]'),
    ('DRAFT-FARMLAND-V01', 'Farmland soil organic carbon', '农田土壤碳汇', '14 forestry and other sinks',
     array['FARMLAND'], 'DRAFT', 20, 20, 0.2000,
     'Draft asked for by the seed paper; SOC = SOC_ref x F_LU x F_MG x F_I, IPCC 2006 Tier 1 [V]');

create sequence project_code_seq;

create table project (
    id               uuid primary key,
    code             text          not null unique,
    name             text          not null check (length(trim(name)) > 0),
    owner_id         uuid          not null references participant (id),
    methodology_code text          not null references methodology (code),
    ecosystem_type   text          not null check (ecosystem_type in ('FOREST', 'GRASSLAND', 'WETLAND', 'FARMLAND',
                                                                      'SHRUBLAND', 'MANGROVE')),
    province         text          not null,
    area_hectares    numeric(14, 4) not null check (area_hectares > 0),
    validator_id     uuid references participant (id),
    buffer_rate      numeric(5, 4) not null check (buffer_rate >= 0 and buffer_rate < 1),
    status           text          not null check (status in ('REGISTRATION_APPLIED', 'REGISTERED', 'REJECTED')),
    applied_at       timestamptz   not null,
    decided_at       timestamptz,
    decided_by       uuid references participant (id),
    rejection_reason text,
    check ((status = 'REGISTRATION_APPLIED') = (decided_at is null)),
    check ((status = 'REJECTED') = (rejection_reason is not null))
);
create index project_owner on project (owner_id);
create index project_status on project (status);
