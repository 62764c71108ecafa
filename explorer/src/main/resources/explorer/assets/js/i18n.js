// Two languages, one bundle each (assets/i18n/<lang>.json, the same keys in both: I18nBundlesTest).
// The choice is remembered in localStorage; without one, the browser's languages (its
// Accept-Language) decide: Chinese first means zh-CN, anything else English.

export const LANGUAGES = ['zh-CN', 'en'];
const STORAGE_KEY = 'carbonsink.explorer.lang';

let language = 'en';
let bundle = {};

export function initialLanguage() {
    let stored = null;
    try {
        stored = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
        // storage may be disabled; the browser's preference still applies
    }
    if (LANGUAGES.includes(stored)) {
        return stored;
    }
    const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (const tag of preferred) {
        const lower = String(tag).toLowerCase();
        if (lower.startsWith('zh')) {
            return 'zh-CN';
        }
        if (lower.startsWith('en')) {
            return 'en';
        }
    }
    return 'en';
}

export async function load(lang, remember) {
    const response = await fetch(`assets/i18n/${lang}.json`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw new Error(`language bundle ${lang}: HTTP ${response.status}`);
    }
    bundle = await response.json();
    language = lang;
    if (remember) {
        try {
            window.localStorage.setItem(STORAGE_KEY, lang);
        } catch (e) {
            // not remembered; the switch still works for this page
        }
    }
    document.documentElement.lang = lang;
    document.title = t('app.title');
    applyTo(document);
}

export function current() {
    return language;
}

/** The text for {@code key} with {name} placeholders filled; the key itself when a bundle lacks it. */
export function t(key, params) {
    let text = Object.prototype.hasOwnProperty.call(bundle, key) ? bundle[key] : key;
    if (params) {
        for (const [name, value] of Object.entries(params)) {
            text = text.split(`{${name}}`).join(String(value));
        }
    }
    return text;
}

/** An enum value's label (e.g. status.REGISTERED), the raw value when there is none. */
export function label(group, value) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    const key = `${group}.${value}`;
    return Object.prototype.hasOwnProperty.call(bundle, key) ? bundle[key] : String(value);
}

/** Fills every [data-i18n] element's text and [data-i18n-*] attribute under {@code root}. */
export function applyTo(root) {
    root.querySelectorAll('[data-i18n]').forEach(el => {
        el.textContent = t(el.dataset.i18n);
    });
    for (const attribute of ['aria-label', 'placeholder', 'title']) {
        const data = 'data-i18n-' + attribute;
        root.querySelectorAll(`[${data}]`).forEach(el => el.setAttribute(attribute, t(el.getAttribute(data))));
    }
}

function locale() {
    return language === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

/** Whole numbers (credits are whole tCO2e) with grouping. */
export function integer(value) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value));
}

/**
 * A decimal as the API wrote it (a JSON number or string), grouped for display without going
 * through a binary float: the digits shown are the digits sent.
 */
export function decimal(value, minimumFraction = 0) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    const text = String(value);
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!match) {
        return text;
    }
    const grouped = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const fraction = (match[3] || '').padEnd(minimumFraction, '0');
    return match[1] + grouped + (fraction ? '.' + fraction : '');
}

/**
 * Yuan with at least two decimals: a JSON number loses trailing zeros (85.50 arrives as 85.5),
 * which are put back here; no digit is changed.
 */
export function money(value) {
    return decimal(value, 2);
}

export function date(value) {
    if (!value) {
        return '—';
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return value;
    }
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? String(value)
        : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(d);
}

export function percent(value) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    // bufferRate is a fraction with two decimals ("0.10"): shown as 10 %, scaled in decimal text
    const match = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
    if (!match) {
        return String(value);
    }
    const fraction = (match[2] || '').padEnd(2, '0');
    const whole = String(Number(match[1] + fraction.slice(0, 2)));
    const rest = fraction.slice(2).replace(/0+$/, '');
    return whole + (rest ? '.' + rest : '') + ' %';
}
