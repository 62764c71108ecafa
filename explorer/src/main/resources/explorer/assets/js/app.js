// The explorer: one page, routes in the location hash (#/projects, #/projects/<id>, #/credits,
// #/retirements, #/retirements/<id>, #/market, #/market/<instrument>). Each route fetches the
// gateway's public API and renders; switching the language renders the route again.
import * as i18n from './i18n.js';
import { h, errorBox } from './dom.js';
import { disposeAll } from './visuals.js';
import { projectsPage, projectPage } from './projects.js';
import { creditsPage } from './credits.js';
import { retirementsPage, retirementPage } from './retirements.js';
import { marketPage, instrumentPage } from './market.js';

const routes = [
    [/^#?\/?$/, () => projectsPage()],
    [/^#\/projects\/?(?:\?(.*))?$/, m => projectsPage(new URLSearchParams(m[1] || ''))],
    [/^#\/projects\/([0-9a-fA-F-]{36})$/, m => projectPage(m[1])],
    [/^#\/credits\/?(?:\?(.*))?$/, m => creditsPage(new URLSearchParams(m[1] || ''))],
    [/^#\/retirements\/?$/, () => retirementsPage()],
    [/^#\/retirements\/([0-9a-fA-F-]{36})$/, m => retirementPage(m[1])],
    [/^#\/market\/?$/, () => marketPage()],
    [/^#\/market\/([^/?]+)$/, m => instrumentPage(decodeURIComponent(m[1]))]
];

let rendering = 0;

async function render() {
    const main = document.getElementById('main');
    const hash = window.location.hash || '#/projects';
    const ticket = ++rendering;
    disposeAll();
    main.setAttribute('aria-busy', 'true');
    highlightNavigation(hash);
    let content;
    try {
        const route = routes.find(([pattern]) => pattern.test(hash));
        content = route ? await route[1](hash.match(route[0])) : notFound();
    } catch (e) {
        content = h('div', {}, errorBox(e));
    }
    if (ticket !== rendering) {
        return; // a later navigation won
    }
    main.replaceChildren(content);
    main.setAttribute('aria-busy', 'false');
    main.dataset.route = hash;
    const heading = main.querySelector('h1');
    if (heading) {
        document.title = `${heading.textContent} · ${i18n.t('app.title')}`;
    }
}

function notFound() {
    return h('div', {}, h('h1', { 'data-i18n': 'common.notFound' }, i18n.t('common.notFound')));
}

function highlightNavigation(hash) {
    const section = (hash.match(/^#\/(\w+)/) || [null, 'projects'])[1];
    document.querySelectorAll('nav a[data-route]').forEach(a => {
        if (a.dataset.route === section) {
            a.setAttribute('aria-current', 'page');
        } else {
            a.removeAttribute('aria-current');
        }
    });
}

function highlightLanguage() {
    document.querySelectorAll('.language button').forEach(button =>
        button.setAttribute('aria-pressed', String(button.dataset.lang === i18n.current())));
}

async function switchLanguage(lang) {
    await i18n.load(lang, true);
    highlightLanguage();
    await render();
}

async function start() {
    // the skip link must not change the location hash: the hash is the route, "#main" is none
    document.querySelector('.skip').addEventListener('click', e => {
        e.preventDefault();
        document.getElementById('main').focus();
    });
    document.querySelectorAll('.language button').forEach(button =>
        button.addEventListener('click', () => switchLanguage(button.dataset.lang)));
    await i18n.load(i18n.initialLanguage(), false);
    highlightLanguage();
    window.addEventListener('hashchange', () => {
        render().then(() => document.getElementById('main').focus({ preventScroll: false }));
    });
    await render();
}

start();
