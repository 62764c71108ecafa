// Projects: the searchable, filterable list with a map of their boundaries, and one project's page.
import { getJson, getOptional, listAll, postJson } from './api.js';
import { h, tr, section, table, csvButton, facts, badge, link } from './dom.js';
import { t, label, integer, decimal, date, percent } from './i18n.js';
import { boundaryMap } from './visuals.js';

const STATES = ['DRAFT', 'PUBLIC_DISCLOSURE', 'VALIDATION', 'REGISTRATION_APPLIED', 'REGISTERED', 'REJECTED',
    'SUSPENDED', 'CANCELLED', 'REVOKED'];
const ECOSYSTEMS = ['FOREST', 'GRASSLAND', 'WETLAND', 'FARMLAND', 'SHRUBLAND', 'MANGROVE'];
const PROJECT_CSV = ['id', 'code', 'name', 'methodologyCode', 'ecosystemType', 'province', 'county', 'areaHectares',
    'bufferRate', 'status', 'disclosureOpens', 'disclosureCloses'];

function uniqueSorted(values) {
    return [...new Set(values.filter(v => v))].sort();
}

function select(id, labelKey, options, chosen, optionLabel) {
    return h('div', { class: 'field' },
        h('label', { for: id, 'data-i18n': labelKey }, t(labelKey)),
        h('select', { id, name: id.replace('filter-', '') },
            h('option', { value: '' }, t('filter.all')),
            options.map(o => h('option', { value: o, selected: o === chosen }, optionLabel ? optionLabel(o) : o))));
}

function statusBadge(status) {
    const kind = ['REGISTERED'].includes(status) ? 'ok'
        : ['REJECTED', 'CANCELLED', 'REVOKED', 'SUSPENDED'].includes(status) ? 'bad' : 'pending';
    return badge(label('status', status), kind);
}

/**
 * Boundaries of the listed projects (the first 100), as the registry answers them many at a time:
 * a GeoJSON FeatureCollection per 50 ids, which keeps each request line short.
 */
async function boundaries(projects) {
    const wanted = projects.slice(0, 100);
    const batches = [];
    for (let i = 0; i < wanted.length; i += 50) {
        batches.push(wanted.slice(i, i + 50));
    }
    const collections = await Promise.all(batches.map(batch =>
        getOptional(`/registry/projects/boundaries?ids=${batch.map(p => p.id).join(',')}`).catch(() => null)));
    const byId = new Map(collections.flatMap(c => (c && c.features) || []).map(f => [f.id, f.geometry]));
    return wanted.map(p => ({ geometry: byId.get(p.id) || null, label: `${p.code} ${p.name}`, href: `#/projects/${p.id}` }));
}

export async function projectsPage(params = new URLSearchParams()) {
    const all = await listAll('/registry/projects');
    const chosen = {
        q: params.get('q') || '', ecosystem: params.get('ecosystem') || '', province: params.get('province') || '',
        methodology: params.get('methodology') || '', state: params.get('state') || ''
    };
    const query = chosen.q.trim().toLowerCase();
    const shown = all.filter(p =>
        (!query || `${p.code} ${p.name} ${p.province} ${p.county || ''}`.toLowerCase().includes(query))
        && (!chosen.ecosystem || p.ecosystemType === chosen.ecosystem)
        && (!chosen.province || p.province === chosen.province)
        && (!chosen.methodology || p.methodologyCode === chosen.methodology)
        && (!chosen.state || p.status === chosen.state));

    const form = h('form', { id: 'project-filters', class: 'filters', role: 'search' },
        h('div', { class: 'field grow' },
            h('label', { for: 'filter-q', 'data-i18n': 'filter.search' }, t('filter.search')),
            h('input', { id: 'filter-q', name: 'q', type: 'search', value: chosen.q, autocomplete: 'off' })),
        select('filter-ecosystem', 'filter.ecosystem', uniqueSorted(ECOSYSTEMS.concat(all.map(p => p.ecosystemType))),
            chosen.ecosystem, v => label('ecosystem', v)),
        select('filter-province', 'filter.province', uniqueSorted(all.map(p => p.province)), chosen.province),
        select('filter-methodology', 'filter.methodology', uniqueSorted(all.map(p => p.methodologyCode)),
            chosen.methodology),
        select('filter-state', 'filter.state', uniqueSorted(STATES.concat(all.map(p => p.status))), chosen.state,
            v => label('status', v)),
        h('div', { class: 'field actions' }, h('button', { type: 'submit', 'data-i18n': 'filter.apply' }, t('filter.apply'))));
    const apply = () => {
        const next = new URLSearchParams();
        new FormData(form).forEach((value, key) => { if (value) { next.set(key, value); } });
        window.location.hash = '#/projects' + (next.toString() ? '?' + next : '');
    };
    form.addEventListener('submit', e => { e.preventDefault(); apply(); });
    // a filter applies as soon as it is chosen (the button is for the search text and keyboards)
    form.querySelectorAll('select').forEach(s => s.addEventListener('change', apply));

    const rows = table('project-table', 'projects.table', [
        ['project.code', p => link(`#/projects/${p.id}`, p.code)],
        ['project.name', p => link(`#/projects/${p.id}`, p.name)],
        ['project.ecosystem', p => label('ecosystem', p.ecosystemType)],
        ['project.province', p => [p.province, p.county ? ' · ' + p.county : '']],
        ['project.methodology', p => p.methodologyCode],
        ['project.area', p => decimal(p.areaHectares), { numeric: true }],
        ['project.state', p => statusBadge(p.status)]
    ], shown, 'projects.none');

    return h('div', { class: 'page' },
        h('h1', { 'data-i18n': 'projects.title' }, t('projects.title')),
        h('p', { class: 'lead', 'data-i18n': 'projects.lead' }, t('projects.lead')),
        form,
        h('p', { id: 'project-count', class: 'count', 'aria-live': 'polite' },
            t('projects.count', { shown: shown.length, total: all.length })),
        h('div', { class: 'columns' },
            section('projects-map', 'projects.map', boundaryMap('project-map', await boundaries(shown), 'projects.map')),
            section('projects-list', 'projects.list', csvButton('/registry/projects', 'projects.csv', PROJECT_CSV), rows)));
}

const LIFECYCLE = ['DRAFT', 'PUBLIC_DISCLOSURE', 'VALIDATION', 'REGISTRATION_APPLIED', 'REGISTERED'];

function lifecycle(p) {
    const at = LIFECYCLE.indexOf(p.status);
    const steps = LIFECYCLE.map((state, i) => {
        const when = {
            DRAFT: p.draftedAt,
            PUBLIC_DISCLOSURE: p.disclosure && `${p.disclosure.opens} – ${p.disclosure.closes}`,
            VALIDATION: p.validationReport && p.validationReport.filedAt,
            REGISTRATION_APPLIED: p.appliedAt,
            REGISTERED: p.status === 'REGISTERED' ? p.decidedAt : null
        }[state];
        // past the lifecycle (rejected, suspended, cancelled, revoked): registered only if decided so
        const done = at >= 0 ? i < at : i < LIFECYCLE.length - 1 || (p.status !== 'REJECTED' && !!p.decidedAt);
        const current = i === at;
        return h('li', { class: current ? 'current' : done ? 'done' : 'todo', 'aria-current': current ? 'step' : null },
            h('span', { class: 'step-name' }, label('status', state)),
            when ? h('span', { class: 'step-when' }, /^\d{4}-\d{2}-\d{2}T/.test(when) ? date(when) : when) : null);
    });
    const out = [h('ol', { id: 'project-lifecycle', class: 'steps' }, steps)];
    if (at < 0) {
        out.push(h('p', {}, statusBadge(p.status), ' ', p.rejectionReason || p.stateReason || ''));
    }
    out.push(facts([
        p.disclosure && ['project.disclosure', `${p.disclosure.opens} – ${p.disclosure.closes}`
            + (p.disclosure.open ? ` (${t('project.disclosureOpen')})` : '')],
        p.decisionDue && p.decisionDue.due && ['project.decisionDue', p.decisionDue.due],
        ['project.appliedAt', date(p.appliedAt)],
        ['project.decidedAt', date(p.decidedAt)],
        (p.disclosure && p.disclosure.note) ? ['project.calendarNote', p.disclosure.note] : null
    ]));
    return out;
}

async function commentsSection(p) {
    const listBox = h('div', { id: 'comment-list' });
    const show = async () => {
        const page = await getOptional(`/registry/projects/${p.id}/comments?limit=100`);
        if (page === null) {
            listBox.replaceChildren(tr('p', 'comments.unavailable', { class: 'empty' }));
            return false;
        }
        const items = page.items || [];
        listBox.replaceChildren(items.length === 0 ? tr('p', 'comments.none', { class: 'empty' })
            : h('ul', { class: 'comments' }, items.map(c => h('li', {},
                h('p', { class: 'comment-meta' }, c.author || t('comments.anonymous'), ' · ', date(c.postedAt)),
                h('p', { class: 'comment-body' }, c.body)))));
        return true;
    };
    const available = await show();
    const status = h('p', { id: 'comment-status', role: 'status' });
    const form = h('form', { id: 'comment-form', class: 'stack' },
        h('div', { class: 'field' },
            h('label', { for: 'comment-author', 'data-i18n': 'comments.author' }, t('comments.author')),
            h('input', { id: 'comment-author', name: 'author', maxlength: '200', autocomplete: 'name' })),
        h('div', { class: 'field' },
            h('label', { for: 'comment-body', 'data-i18n': 'comments.body' }, t('comments.body')),
            h('textarea', { id: 'comment-body', name: 'body', rows: '4', required: true, maxlength: '4000' })),
        h('button', { type: 'submit', 'data-i18n': 'comments.post' }, t('comments.post')), status);
    form.addEventListener('submit', async e => {
        e.preventDefault();
        const data = new FormData(form);
        try {
            await postJson(`/registry/projects/${p.id}/comments`, { author: data.get('author') || null, body: data.get('body') });
            form.reset();
            status.textContent = t('comments.posted');
            await show();
        } catch (error) {
            status.textContent = t('common.error', { message: error.message });
        }
    });
    const open = p.disclosure ? p.disclosure.open : p.status === 'PUBLIC_DISCLOSURE';
    return section('project-comments', 'comments.title',
        p.disclosure ? h('p', {}, t(open ? 'comments.open' : 'comments.closed', { closes: p.disclosure.closes })) : null,
        listBox, available && open ? form : null);
}

function validationSection(p) {
    const v = p.validationReport;
    return section('project-validation', 'validation.title', v ? facts([
        ['validation.outcome', badge(t(v.positive ? 'validation.positive' : 'validation.negative'), v.positive ? 'ok' : 'bad')],
        ['validation.summary', v.summary],
        ['validation.filedAt', date(v.filedAt)],
        v.documentUrl ? ['validation.document', link(v.documentUrl, v.documentUrl)] : null
    ]) : tr('p', 'validation.none', { class: 'empty' }));
}

async function reportsSection(p) {
    const reports = await listAll(`/verification/reports?projectId=${p.id}`).catch(() => []);
    return section('project-reports', 'reports.title',
        csvButton(`/verification/reports?projectId=${p.id}`, `reports-${p.code}.csv`,
            ['id', 'periodStart', 'periodEnd', 'vintage', 'status', 'netRemovals', 'verifiedCredits', 'bufferCredits']),
        table('report-table', 'reports.table', [
            ['reports.period', r => `${r.periodStart} – ${r.periodEnd}`],
            ['reports.vintage', r => r.vintages && r.vintages.length > 1 ? r.vintages.map(v => v.year).join(', ') : r.vintage],
            ['reports.status', r => label('reportStatus', r.status)],
            ['reports.net', r => decimal(r.netRemovals), { numeric: true }],
            ['reports.credits', r => integer(r.verifiedCredits), { numeric: true }],
            ['reports.buffer', r => integer(r.bufferCredits), { numeric: true }],
            // a stock that fell: the loss the registry reverses from the buffer, linked once it has
            ['reports.loss', r => !r.lossCredits ? '—' : r.reversalUrl
                ? h('a', { href: r.reversalUrl.replace(/^\//, ''), target: '_blank', rel: 'noopener' }, integer(r.lossCredits))
                : integer(r.lossCredits), { numeric: true }],
            // the calculation report, as a page and as PDF, where the verification service publishes it
            ['reports.calculation', r => r.version !== undefined ? [
                h('a', { href: `api/verification/reports/${r.id}/calculation-report`, target: '_blank', rel: 'noopener' },
                    t('reports.open')), ' · ',
                h('a', { href: `api/verification/reports/${r.id}/calculation-report.pdf`, type: 'application/pdf' }, 'PDF')] : '—']
        ], reports));
}

export const ISSUANCE_CSV = ['id', 'projectCode', 'vintage', 'verifiedCredits', 'ownerQuantity', 'bufferQuantity',
    'ownerSerials.serial', 'bufferSerials.serial', 'issuedAt'];
const RETIREMENT_CSV = ['id', 'retiredAt', 'projectCode', 'vintage', 'quantity', 'beneficiary', 'purpose', 'note'];

export async function projectPage(id) {
    const p = await getJson(`/registry/projects/${id}`);
    const [issuances, retirements, reversals, pledges] = await Promise.all([
        listAll(`/registry/issuances?projectId=${id}`),
        listAll(`/registry/retirements?projectId=${id}`),
        getOptional(`/registry/reversals?projectId=${id}&limit=500`).catch(() => null),
        getOptional(`/registry/pledges?projectId=${id}&limit=500`).catch(() => null)]);
    const boundary = p.boundary || await getOptional(`/registry/projects/${id}/boundary`).catch(() => null);
    const risk = p.risk;
    return h('div', { class: 'page', dataset: { project: p.id } },
        h('p', { class: 'crumbs' }, link('#/projects', t('nav.projects')), ' / ', p.code),
        h('h1', { id: 'project-name' }, p.name, ' ', statusBadge(p.status)),
        h('div', { class: 'columns' },
            section('project-facts', 'project.facts', facts([
                ['project.code', p.code],
                ['project.methodology', [p.methodologyCode, p.methodologyVersion ? ` (${p.methodologyVersion})` : '']],
                ['project.ecosystem', label('ecosystem', p.ecosystemType)],
                ['project.province', [p.province, p.county ? ' · ' + p.county : '']],
                ['project.area', decimal(p.areaHectares) + ' ha'],
                p.boundaryHectares ? ['project.boundaryArea', decimal(p.boundaryHectares) + ' ha'] : null,
                p.constructionStart ? ['project.constructionStart', p.constructionStart] : null,
                p.creditingPeriodStart ? ['project.creditingPeriod', `${p.creditingPeriodStart} – ${p.creditingPeriodEnd}`] : null,
                ['project.bufferShare', percent(p.bufferRate)],
                risk ? ['project.risk', `${decimal(risk.internal)} + ${decimal(risk.external)} + ${decimal(risk.natural)} = ${decimal(risk.rating)}`] : null
            ])),
            section('project-boundary', 'project.map', boundaryMap('project-map', [{ geometry: boundary, label: `${p.code} ${p.name}` }], 'project.map'))),
        section('project-lifecycle-section', 'project.lifecycle', ...lifecycle(p)),
        await commentsSection(p),
        validationSection(p),
        await reportsSection(p),
        section('project-issuances', 'issuances.title',
            csvButton(`/registry/issuances?projectId=${id}`, `issuances-${p.code}.csv`, ISSUANCE_CSV),
            issuanceTable('issuance-table', issuances, false)),
        section('project-reversals', 'reversals.title', reversals === null ? tr('p', 'reversals.unavailable', { class: 'empty' })
            : table('reversal-table', 'reversals.table', [
                ['reversals.lossDate', r => r.lossDate],
                ['reversals.cause', r => r.cause],
                ['reversals.loss', r => integer(r.lossCredits), { numeric: true }],
                ['reversals.bufferCancelled', r => integer(r.bufferCancelled), { numeric: true }],
                ['reversals.shortfall', r => integer(r.shortfall), { numeric: true }],
                ['reversals.blocked', r => t(r.issuanceBlocked ? 'common.yes' : 'common.no')]
            ], reversals.items || [])),
        pledgesSection(p, pledges),
        section('project-retirements', 'retirements.title',
            csvButton(`/registry/retirements?projectId=${id}`, `retirements-${p.code}.csv`, RETIREMENT_CSV),
            retirementTable(retirements)));
}

const PLEDGE_CSV = ['id', 'kind', 'projectId', 'vintage', 'lenderId', 'lenderName', 'quantity', 'outstanding',
    'maturityDate', 'state', 'createdAt'];

/**
 * The public register of pledges (credits, or credits still to be issued, as collateral for a
 * loan): no section at all where the registry does not offer it ({@code page} null).
 */
function pledgesSection(p, page) {
    if (page === null) {
        return null;
    }
    const items = page.items || [];
    const stateKind = state => (state === 'ACTIVE' ? 'pending' : state === 'ENFORCED' ? 'bad' : 'ok');
    return section('project-pledges', 'pledges.title',
        csvButton(`/registry/pledges?projectId=${p.id}`, `pledges-${p.code}.csv`, PLEDGE_CSV, items),
        tr('p', 'pledges.lead', { class: 'lead' }),
        table('pledge-table', 'pledges.table', [
            ['pledges.kind', x => label('pledgeKind', x.kind)],
            ['pledges.vintage', x => (x.vintage === null || x.vintage === undefined ? t('pledges.future') : String(x.vintage))],
            ['pledges.lender', x => x.lenderName || x.lenderId],
            ['pledges.quantity', x => integer(x.quantity), { numeric: true }],
            ['pledges.outstanding', x => integer(x.outstanding), { numeric: true }],
            ['pledges.maturity', x => x.maturityDate || '—'],
            ['pledges.state', x => badge(label('pledgeState', x.state), stateKind(x.state))],
            ['pledges.createdAt', x => date(x.createdAt)]
        ], items, 'pledges.none'));
}

/** Issuances, one row per vintage issued; {@code withProject} for lists across projects. */
export function issuanceTable(id, issuances, withProject) {
    return table(id, 'issuances.table', [
        withProject ? ['issuances.project', i => link(`#/projects/${i.projectId}`, i.projectCode)] : null,
        ['issuances.vintage', i => i.vintage],
        ['issuances.verified', i => integer(i.verifiedCredits), { numeric: true }],
        ['issuances.owner', i => integer(i.ownerQuantity), { numeric: true }],
        ['issuances.buffer', i => integer(i.bufferQuantity), { numeric: true }],
        ['issuances.serials', i => h('code', {}, i.ownerSerials ? i.ownerSerials.serial : '—')],
        ['issuances.issuedAt', i => date(i.issuedAt)]
    ].filter(column => column), issuances);
}

export function retirementTable(retirements) {
    return table('retirement-table', 'retirements.table', [
        ['retirements.date', r => link(`#/retirements/${r.id}`, date(r.retiredAt))],
        ['retirements.project', r => `${r.projectCode} · ${r.vintage}`],
        ['retirements.quantity', r => integer(r.quantity), { numeric: true }],
        ['retirements.beneficiary', r => r.beneficiary],
        ['retirements.purpose', r => purposeText(r)]
    ], retirements, 'retirements.none');
}

/** The purpose the rules name (an enum since the ledger's retirement purposes) and the holder's note. */
export function purposeText(r) {
    const named = /^[A-Z_]+$/.test(r.purpose || '') ? label('purpose', r.purpose) : (r.purpose || '');
    return r.note ? `${named} · ${r.note}` : named;
}

export { RETIREMENT_CSV };
