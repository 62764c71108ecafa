// Retirements: the public list, and one retirement with its certificate (PDF from the registry).
import { getJson, listAll } from './api.js';
import { h, section, csvButton, facts, link } from './dom.js';
import { t, integer, date, current } from './i18n.js';
import { retirementTable, purposeText, RETIREMENT_CSV } from './projects.js';

export async function retirementsPage() {
    const retirements = await listAll('/registry/retirements');
    retirements.sort((a, b) => String(b.retiredAt).localeCompare(String(a.retiredAt)));
    return h('div', { class: 'page' },
        h('h1', { 'data-i18n': 'retirements.title' }, t('retirements.title')),
        h('p', { class: 'lead', 'data-i18n': 'retirements.lead' }, t('retirements.lead')),
        section('retirement-list', 'retirements.list',
            csvButton('/registry/retirements', 'retirements.csv', RETIREMENT_CSV), retirementTable(retirements)));
}

export async function retirementPage(id) {
    const r = await getJson(`/registry/retirements/${id}`);
    // the certificate states everything in both languages; one language is there on request
    const certificate = `api/registry/retirements/${r.id}/certificate.pdf`;
    const only = current() === 'zh-CN' ? 'zh' : 'en';
    return h('div', { class: 'page', dataset: { retirement: r.id } },
        h('p', { class: 'crumbs' }, link('#/retirements', t('nav.retirements')), ' / ', r.id),
        h('h1', { id: 'retirement-title' }, t('retirement.heading', { quantity: integer(r.quantity), beneficiary: r.beneficiary })),
        section('retirement-facts', 'retirement.facts', facts([
            ['retirements.beneficiary', r.beneficiary],
            ['retirements.purpose', purposeText(r)],
            ['retirements.quantity', integer(r.quantity) + ' tCO2e'],
            ['retirements.project', link(`#/projects/${r.projectId}`, r.projectCode)],
            ['retirements.vintage', String(r.vintage)],
            ['retirements.date', date(r.retiredAt)],
            ['retirements.serials', h('ul', { class: 'plain' }, (r.serials || []).map(s =>
                h('li', {}, h('code', {}, s.serial), ` (${integer(s.quantity)})`)))]
        ])),
        section('retirement-certificate', 'retirement.certificate',
            h('p', { 'data-i18n': 'retirement.certificateLead' }, t('retirement.certificateLead')),
            h('p', {}, h('a', {
                id: 'certificate-link', class: 'button', href: certificate, download: `retirement-${r.id}.pdf`,
                type: 'application/pdf'
            }, t('retirement.download')), ' ',
            h('a', { id: 'certificate-one-language', href: `${certificate}?lang=${only}`, download: `retirement-${r.id}-${only}.pdf`,
                type: 'application/pdf' }, t('retirement.downloadOne')))));
}
