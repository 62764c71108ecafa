// The gateway's public API, relative to this page (the explorer is served by the gateway itself).

export class ApiError extends Error {
    constructor(status, problem, path) {
        super((problem && (problem.detail || problem.title)) || `HTTP ${status} for ${path}`);
        this.status = status;
        this.problem = problem;
    }
}

function url(path) {
    return 'api' + path;
}

export async function getJson(path) {
    const response = await fetch(url(path), { headers: { Accept: 'application/json' } });
    return parse(response, path);
}

export async function postJson(path, body) {
    const response = await fetch(url(path), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
    });
    return parse(response, path);
}

async function parse(response, path) {
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : null;
    if (!response.ok) {
        throw new ApiError(response.status, body, path);
    }
    return body;
}

/**
 * JSON, or null when the resource is not there (404) or not offered to the public by this
 * deployment (401, 403: the gateway does not publish it; 405, 406, 501).
 */
export async function getOptional(path) {
    try {
        return await getJson(path);
    } catch (e) {
        if (e instanceof ApiError && [401, 403, 404, 405, 406, 501].includes(e.status)) {
            return null;
        }
        throw e;
    }
}

function withParam(path, name, value) {
    const separator = path.includes('?') ? '&' : '?';
    return `${path}${separator}${name}=${encodeURIComponent(value)}`;
}

/**
 * Every item of a public list, following its pages: the lists page either by cursor ({@code next},
 * passed back as {@code after}) or by offset ({@code total}). At most {@code max} items.
 */
export async function listAll(path, max = 2000) {
    const limit = 500;
    let items = [];
    let page = await getJson(withParam(path, 'limit', limit));
    for (;;) {
        const batch = Array.isArray(page) ? page : (page.items || []);
        items = items.concat(batch);
        if (Array.isArray(page) || items.length >= max || batch.length === 0) {
            break;
        }
        if (page.next !== undefined && page.next !== null) {
            page = await getJson(withParam(withParam(path, 'limit', limit), 'after', page.next));
        } else if (page.total !== undefined && page.total !== null && items.length < page.total) {
            page = await getJson(withParam(withParam(path, 'limit', limit), 'offset', items.length));
        } else {
            break;
        }
    }
    return items.slice(0, max);
}

function csvField(value) {
    if (value === null || value === undefined) {
        return '';
    }
    let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    // what a spreadsheet would run as a formula starts with an apostrophe, as the services' CSV does
    if (typeof value === 'string' && text && '=+-@\t\r'.includes(text[0])) {
        text = "'" + text;
    }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** RFC 4180 text from JSON items, for the lists a service offers as JSON only. */
export function toCsv(items, columns) {
    const lines = [columns.join(',')];
    for (const item of items) {
        lines.push(columns.map(column => csvField(column.split('.').reduce((v, k) => (v == null ? v : v[k]), item))).join(','));
    }
    return lines.join('\r\n') + '\r\n';
}

function nextLink(header) {
    if (!header) {
        return null;
    }
    const match = /<([^>]*)>\s*;\s*rel="?next"?/.exec(header);
    return match ? match[1] : null;
}

/**
 * The whole list as CSV: the service's own (Accept: text/csv, pages joined by their Link
 * rel="next") where it offers one, otherwise built here from its JSON with {@code columns}.
 */
export async function fetchCsv(path, columns, rows) {
    let target = url(withParam(path, 'limit', 500));
    let response = await fetch(target, { headers: { Accept: 'text/csv' } });
    if (response.ok && (response.headers.get('Content-Type') || '').startsWith('text/csv')) {
        let text = await response.text();
        let link = nextLink(response.headers.get('Link'));
        let pages = 1;
        while (link && pages < 50) {
            const base = target.split('?')[0];
            target = link.startsWith('?') ? base + link : link;
            response = await fetch(target, { headers: { Accept: 'text/csv' } });
            if (!response.ok) {
                break;
            }
            const more = await response.text();
            // each page repeats the header line
            text += more.slice(more.indexOf('\n') + 1);
            link = nextLink(response.headers.get('Link'));
            pages++;
        }
        return text;
    }
    return toCsv(rows || await listAll(path), columns);
}

/** Offers {@code text} as a file download (UTF-8 with a byte order mark, so spreadsheets read Chinese). */
export function download(text, filename) {
    const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
        URL.revokeObjectURL(link.href);
        link.remove();
    }, 1000);
}
