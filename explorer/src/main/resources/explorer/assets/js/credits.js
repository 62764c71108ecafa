// Credits: supply per project and vintage (table and chart), all issuances, a serial lookup and the
// audit chain's status.
import { getJson, getOptional, listAll, ApiError } from './api.js';
import { h, tr, section, table, csvButton, facts, badge, link } from './dom.js';
import { t, label, integer, date } from './i18n.js';
import { supplyChart } from './visuals.js';
import { issuanceTable, ISSUANCE_CSV } from './projects.js';

const SUPPLY_CSV = ['projectCode', 'vintage', 'issued', 'available', 'held', 'retired', 'cancelled', 'buffer'];

/** Supply per project and vintage: the ledger's supply list, or its balance check where there is none. */
async function supply() {
    const listed = await listAll('/registry/ledger/supply').catch(e => {
        if (e instanceof ApiError && [404, 405].includes(e.status)) {
            return null;
        }
        throw e;
    });
    if (listed !== null) {
        return { rows: listed, path: '/registry/ledger/supply' };
    }
    const check = await getJson('/registry/ledger/check');
    return { rows: check.balances || [], path: null };
}

/** A serial number as typed: a bare number, or a block's display form (its first serial). */
export function parseSerial(text) {
    const value = String(text || '').trim();
    if (/^\d{1,18}$/.test(value)) {
        return Number(value);
    }
    const block = /-(\d+)-(\d+)$/.exec(value);
    return block ? Number(block[1]) : null;
}

async function lookUp(serial) {
    const traced = await getOptional(`/registry/ledger/serials/${serial}`).catch(e => {
        if (e instanceof ApiError && e.status === 400) {
            return null;
        }
        throw e;
    });
    if (traced) {
        return traced;
    }
    // without the ledger's serial trace: find it among the public issuances and retirements
    const issuances = await listAll('/registry/issuances');
    for (const i of issuances) {
        const range = [i.ownerSerials, i.bufferSerials].find(r => r && r.first <= serial && serial <= r.last);
        if (range) {
            const retirements = await listAll(`/registry/retirements?projectId=${i.projectId}`);
            const retirement = retirements.find(r => (r.serials || []).some(s => s.first <= serial && serial <= s.last));
            return {
                serial, block: range.serial, projectId: i.projectId, projectCode: i.projectCode, vintage: i.vintage,
                state: retirement ? 'RETIRED' : range === i.bufferSerials ? 'BUFFER' : null,
                retirementId: retirement ? retirement.id : null,
                movements: [{ at: i.issuedAt, kind: 'ISSUE', first: range.first, last: range.last }]
                    .concat(retirement ? [{ at: retirement.retiredAt, kind: 'RETIRE' }] : [])
            };
        }
    }
    return null;
}

function serialResult(found, serial) {
    if (!found) {
        return h('p', { class: 'empty', role: 'status' }, t('serial.notFound', { serial }));
    }
    return h('div', { role: 'status' },
        facts([
            ['serial.number', String(found.serial)],
            ['serial.block', h('code', {}, found.block)],
            ['serial.project', link(`#/projects/${found.projectId}`, `${found.projectCode} · ${found.vintage}`)],
            ['serial.state', found.state ? badge(label('serialState', found.state), found.state === 'RETIRED' ? 'ok' : 'pending') : t('serial.inCirculation')],
            found.retirementId ? ['serial.retirement', link(`#/retirements/${found.retirementId}`, t('serial.openRetirement'))] : null
        ]),
        table('serial-movements', 'serial.movements', [
            ['serial.at', m => date(m.at)],
            ['serial.kind', m => label('movement', m.kind)],
            ['serial.range', m => (m.first ? `${m.first} – ${m.last}` : '—')]
        ], found.movements || []));
}

function serialSection(initial) {
    const result = h('div', { id: 'serial-result', 'aria-live': 'polite' });
    const input = h('input', { id: 'serial-input', name: 'serial', inputmode: 'numeric', autocomplete: 'off', value: initial || '',
        'aria-describedby': 'serial-hint' });
    const form = h('form', { id: 'serial-form', class: 'filters', role: 'search' },
        h('div', { class: 'field grow' },
            h('label', { for: 'serial-input', 'data-i18n': 'serial.label' }, t('serial.label')), input,
            h('small', { id: 'serial-hint', 'data-i18n': 'serial.hint' }, t('serial.hint'))),
        h('div', { class: 'field actions' }, h('button', { type: 'submit', 'data-i18n': 'serial.find' }, t('serial.find'))));
    const run = async () => {
        const serial = parseSerial(input.value);
        if (serial === null) {
            result.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('serial.invalid')));
            return;
        }
        result.replaceChildren(h('p', {}, t('common.loading')));
        result.replaceChildren(serialResult(await lookUp(serial), serial));
    };
    form.addEventListener('submit', e => {
        e.preventDefault();
        run();
    });
    if (initial) {
        run();
    }
    return section('serial-lookup', 'serial.title', form, result);
}

async function auditSection() {
    const status = await getOptional('/registry/audit/status').catch(() => null);
    if (!status) {
        return section('audit-status', 'audit.title', tr('p', 'audit.unavailable', { class: 'empty' }));
    }
    return section('audit-status', 'audit.title',
        h('p', { id: 'audit-state' }, badge(t(status.intact ? 'audit.intact' : 'audit.broken'), status.intact ? 'ok' : 'bad')),
        facts([['audit.entries', integer(status.entries)], ['audit.head', h('code', { class: 'hash' }, status.headHash || '—')]]));
}

async function bufferPoolSection() {
    const pool = await getOptional('/registry/ledger/buffer-pool').catch(() => null);
    return section('buffer-pool', 'buffer.title', pool === null ? tr('p', 'buffer.unavailable', { class: 'empty' }) : facts([
        ['buffer.deposited', integer(pool.deposited)],
        ['buffer.available', integer(pool.available)],
        ['buffer.cancelled', integer(pool.cancelledForReversals)],
        ['buffer.reversals', integer(pool.reversals)],
        ['buffer.shortfall', integer(pool.shortfall)]
    ]));
}

async function cancellationsSection() {
    const page = await getOptional('/registry/cancellations?limit=500').catch(() => null);
    return section('cancellations', 'cancellations.title', page === null ? tr('p', 'cancellations.unavailable', { class: 'empty' }) : [
        csvButton('/registry/cancellations', 'cancellations.csv',
            ['id', 'cancelledAt', 'projectCode', 'vintage', 'quantity', 'kind', 'reason']),
        table('cancellation-table', 'cancellations.title', [
            ['cancellations.date', c => date(c.cancelledAt)],
            ['supply.project', c => link(`#/projects/${c.projectId}`, `${c.projectCode} · ${c.vintage}`)],
            ['cancellations.quantity', c => integer(c.quantity), { numeric: true }],
            ['cancellations.kind', c => label('cancellationKind', c.kind)],
            ['cancellations.reason', c => c.reason]
        ], page.items || [])]);
}

export async function creditsPage(params) {
    const [{ rows, path }, issuances, audit, pool, cancellations] = await Promise.all([supply(),
        listAll('/registry/issuances'), auditSection(), bufferPoolSection(), cancellationsSection()]);
    const supplyTable = table('supply-table', 'credits.table', [
        ['supply.project', r => link(`#/projects/${r.projectId}`, r.projectCode)],
        ['supply.vintage', r => r.vintage],
        ['supply.issued', r => integer(r.issued), { numeric: true }],
        ['supply.available', r => integer(r.available), { numeric: true }],
        ['supply.held', r => integer(r.held), { numeric: true }],
        ['supply.retired', r => integer(r.retired), { numeric: true }],
        ['supply.cancelled', r => integer(r.cancelled), { numeric: true }],
        ['supply.buffer', r => integer(r.buffer), { numeric: true }]
    ], rows);
    return h('div', { class: 'page' },
        h('h1', { 'data-i18n': 'credits.title' }, t('credits.title')),
        h('p', { class: 'lead', 'data-i18n': 'credits.lead' }, t('credits.lead')),
        section('supply', 'credits.supply',
            csvButton(path || '/registry/ledger/check', 'supply.csv', SUPPLY_CSV, path ? null : rows),
            rows.length ? supplyChart('supply-chart', rows) : null, supplyTable),
        serialSection(params.get('serial')),
        audit,
        pool,
        cancellations,
        section('issuances', 'issuances.all',
            csvButton('/registry/issuances', 'issuances.csv', ISSUANCE_CSV),
            issuanceTable('all-issuances', issuances, true)));
}
