// The map (Leaflet, no tiles: boundaries are drawn on a plain background, so nothing outside the
// system is fetched) and the charts (ECharts, canvas). Every chart sits beside a table of the same
// figures, which is what screen readers and keyboard users read.
import { h } from './dom.js';
import { t } from './i18n.js';

const live = [];

/** Disposes the charts and maps of the page being left. */
export function disposeAll() {
    while (live.length) {
        const item = live.pop();
        try {
            item.dispose ? item.dispose() : item.remove();
        } catch (e) {
            // already gone with its element
        }
    }
}

window.addEventListener('resize', () => live.forEach(item => {
    if (item.resize) {
        item.resize();
    } else if (item.invalidateSize) {
        item.invalidateSize();
        if (item.boundaries) {
            item.fitBounds(item.boundaries, { padding: [16, 16], maxZoom: 15 });
        }
    }
}));

/**
 * Runs {@code draw} once {@code el} is in the document and laid out: a page is put together before
 * it is shown, and a map or chart started on a detached element would measure it as 0 by 0.
 */
function whenAttached(el, draw) {
    const attempt = () => (el.isConnected && el.clientWidth > 0 ? draw() : requestAnimationFrame(attempt));
    requestAnimationFrame(attempt);
}

const PALETTE = ['#1b6e3c', '#2f7fb5', '#b8860b', '#7a3e9d', '#a23b3b', '#4d5b66'];

/**
 * A map of project boundaries (GeoJSON geometries): {@code features} are [{geometry, label, href}].
 * The element carries data-boundaries with how many were drawn.
 */
export function boundaryMap(id, features, labelKey) {
    const container = h('div', { id, class: 'map', role: 'region', 'aria-label': t(labelKey), 'data-i18n-aria-label': labelKey });
    const drawn = features.filter(f => f.geometry && f.geometry.type);
    container.dataset.boundaries = String(drawn.length);
    whenAttached(container, () => {
        if (!window.L) {
            container.textContent = t('map.unavailable');
            return;
        }
        const map = window.L.map(container, { attributionControl: false, zoomSnap: 0.25, preferCanvas: false });
        live.push(map);
        if (drawn.length === 0) {
            map.setView([35, 104], 3);
            container.appendChild(h('p', { class: 'map-note' }, t('map.none')));
            return;
        }
        const layer = window.L.geoJSON(drawn.map(f => ({ type: 'Feature', geometry: f.geometry, properties: f })), {
            style: () => ({ color: '#1b6e3c', weight: 2, fillColor: '#5fb37c', fillOpacity: 0.35 }),
            onEachFeature: (feature, shape) => {
                const p = feature.properties;
                shape.bindTooltip(p.label);
                if (p.href) {
                    shape.on('click', () => { window.location.hash = p.href; });
                }
            }
        }).addTo(map);
        map.boundaries = layer.getBounds();
        map.fitBounds(map.boundaries, { padding: [16, 16], maxZoom: 15 });
    });
    return container;
}

function chart(id, labelKey, height) {
    const container = h('div', {
        id, class: 'chart', role: 'img', style: `height:${height}px`,
        'aria-label': t(labelKey), 'data-i18n-aria-label': labelKey
    });
    return container;
}

function mount(container, option) {
    whenAttached(container, () => {
        if (!window.echarts) {
            container.textContent = t('chart.unavailable');
            return;
        }
        const instance = window.echarts.init(container, null, { renderer: 'canvas' });
        instance.setOption(Object.assign({ aria: { enabled: true }, color: PALETTE, animation: false }, option));
        live.push(instance);
    });
}

const number = v => (v === null || v === undefined ? null : Number(v));

/** Supply per project and vintage as stacked bars: where every issued credit is now. */
export function supplyChart(id, rows) {
    const container = chart(id, 'credits.chart', 320);
    container.dataset.series = String(rows.length);
    const states = ['available', 'held', 'retired', 'cancelled', 'buffer'];
    mount(container, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { data: states.map(s => t('supply.' + s)), bottom: 0 },
        grid: { left: 60, right: 20, top: 20, bottom: 60 },
        xAxis: { type: 'category', data: rows.map(r => `${r.projectCode} ${r.vintage}`) },
        yAxis: { type: 'value', name: 'tCO2e' },
        series: states.map(s => ({ name: t('supply.' + s), type: 'bar', stack: 'supply', data: rows.map(r => number(r[s])) }))
    });
    return container;
}

/** Depth: cumulative quantity offered at each price, bids to the left, asks to the right. */
export function depthChart(id, bids, asks) {
    const container = chart(id, 'market.depthChart', 300);
    container.dataset.levels = String(bids.length + asks.length);
    // each side as steps from its best price outwards: up by a level's quantity at its price, flat
    // to the next price; a short flat tail past the last level keeps a single level visible
    const prices = bids.concat(asks).map(l => Number(l.price));
    const pad = prices.length ? Math.max((Math.max(...prices) - Math.min(...prices)) * 0.1, Math.max(...prices) * 0.01) : 1;
    const steps = (levels, direction) => {
        const points = [];
        let total = 0;
        levels.forEach(l => {
            const price = Number(l.price);
            points.push([price, total]);
            total += Number(l.quantity);
            points.push([price, total]);
        });
        if (points.length) {
            points.push([points[points.length - 1][0] + direction * pad, total]);
        }
        return points;
    };
    const bidPoints = steps(bids, -1);
    const askPoints = steps(asks, 1);
    mount(container, {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('market.bids'), t('market.asks')], bottom: 0 },
        grid: { left: 60, right: 50, top: 30, bottom: 60 },
        xAxis: { type: 'value', scale: true, name: 'CNY' },
        yAxis: { type: 'value', name: 'tCO2e' },
        series: [
            { name: t('market.bids'), type: 'line', showSymbol: false, data: bidPoints, areaStyle: { opacity: 0.3 }, color: '#1b6e3c' },
            { name: t('market.asks'), type: 'line', showSymbol: false, data: askPoints, areaStyle: { opacity: 0.3 }, color: '#a23b3b' }
        ]
    });
    return container;
}

/** Daily candles (open, close, low, high) over the day's volume. */
export function candleChart(id, bars) {
    const container = chart(id, 'market.candleChart', 380);
    container.dataset.candles = String(bars.length);
    mount(container, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
        grid: [{ left: 60, right: 20, top: 20, height: '55%' }, { left: 60, right: 20, top: '72%', height: '16%' }],
        xAxis: [
            { type: 'category', data: bars.map(b => b.day), gridIndex: 0 },
            { type: 'category', data: bars.map(b => b.day), gridIndex: 1, axisLabel: { show: false } }
        ],
        yAxis: [{ type: 'value', scale: true, name: 'CNY', gridIndex: 0 }, { type: 'value', gridIndex: 1, name: 't' }],
        series: [
            {
                name: t('market.candles'), type: 'candlestick', xAxisIndex: 0, yAxisIndex: 0,
                data: bars.map(b => [number(b.open), number(b.close), number(b.low), number(b.high)]),
                itemStyle: { color: '#a23b3b', color0: '#1b6e3c', borderColor: '#a23b3b', borderColor0: '#1b6e3c' }
            },
            { name: t('market.volume'), type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: bars.map(b => number(b.volume)), color: '#4d5b66' }
        ]
    });
    return container;
}
