// Small DOM helpers: every text goes in as text (never as HTML), so data cannot inject markup.
import { t, applyTo } from './i18n.js';
import { fetchCsv, download } from './api.js';

/** h('a', {href: '#/x', class: 'y'}, 'text', child) */
export function h(tag, attributes, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            el.addEventListener(name.slice(2), value);
        } else if (name === 'dataset') {
            Object.assign(el.dataset, value);
        } else {
            el.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** A translated element: its text follows the language switch. */
export function tr(tag, key, attributes) {
    return h(tag, Object.assign({ 'data-i18n': key }, attributes || {}), t(key));
}

/**
 * A section with a heading (its id labels the section for assistive technology) and an optional
 * CSV download of its list.
 */
export function section(id, titleKey, ...children) {
    return h('section', { id, 'aria-labelledby': id + '-title', class: 'card' },
        h('h2', { id: id + '-title', 'data-i18n': titleKey }, t(titleKey)), ...children);
}

/**
 * A table with a caption; {@code columns} are [labelKey, (row) => cell, {numeric}] and rows
 * that are empty show {@code emptyKey}.
 */
export function table(id, captionKey, columns, rows, emptyKey = 'common.none') {
    if (!rows || rows.length === 0) {
        return h('p', { id, class: 'empty', 'data-i18n': emptyKey }, t(emptyKey));
    }
    const head = h('tr', {}, columns.map(([key, , options]) =>
        h('th', { scope: 'col', class: options && options.numeric ? 'num' : null, 'data-i18n': key }, t(key))));
    const body = rows.map(row => h('tr', {}, columns.map(([, cell, options]) =>
        h('td', { class: options && options.numeric ? 'num' : null }, cell(row)))));
    return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': id + '-caption' },
        h('table', { id },
            h('caption', { id: id + '-caption', 'data-i18n': captionKey }, t(captionKey)),
            h('thead', {}, head), h('tbody', {}, body)));
}

/** A button that downloads a public list as CSV ({@code rows}: the list when its path has no items). */
export function csvButton(path, filename, columns, rows) {
    const button = h('button', { type: 'button', class: 'csv', dataset: { csv: path } }, t('common.csv'));
    button.setAttribute('data-i18n', 'common.csv');
    button.addEventListener('click', async () => {
        button.disabled = true;
        try {
            download(await fetchCsv(path, columns, rows), filename);
        } catch (e) {
            button.after(errorBox(e));
        } finally {
            button.disabled = false;
        }
    });
    return button;
}

export function errorBox(error) {
    return h('p', { class: 'error', role: 'alert' }, t('common.error', { message: error.message || String(error) }));
}

export function facts(pairs) {
    return h('dl', { class: 'facts' }, pairs.filter(p => p).flatMap(([key, value]) =>
        [h('dt', { 'data-i18n': key }, t(key)), h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)]));
}

export function badge(text, kind) {
    return h('span', { class: 'badge ' + (kind || '') }, text);
}

export function link(href, text) {
    return h('a', { href }, text);
}

export function retranslate(root) {
    applyTo(root);
}
