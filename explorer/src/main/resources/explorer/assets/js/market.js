// Market: the listed instruments, and per instrument its depth, recent trades, daily candles and
// volume, block trades and auction results (the exchange's public market data).
import { getJson, getOptional, listAll } from './api.js';
import { h, tr, section, table, csvButton, facts, link, badge } from './dom.js';
import { t, label, integer, money, date } from './i18n.js';
import { depthChart, candleChart } from './visuals.js';

const TRADE_CSV = ['id', 'executedAt', 'quantity', 'price', 'amount', 'status'];

export async function marketPage() {
    const instruments = await listAll('/trading/instruments');
    return h('div', { class: 'page' },
        h('h1', { 'data-i18n': 'market.title' }, t('market.title')),
        h('p', { class: 'lead', 'data-i18n': 'market.lead' }, t('market.lead')),
        section('instruments', 'market.instruments',
            csvButton('/trading/instruments', 'instruments.csv', ['id', 'projectCode', 'vintage', 'issuedQuantity', 'listedAt']),
            table('instrument-table', 'market.instruments', [
                ['market.instrument', i => link(`#/market/${encodeURIComponent(i.id)}`, i.id)],
                ['market.project', i => link(`#/projects/${i.projectId}`, i.projectCode)],
                ['market.vintage', i => i.vintage],
                ['market.issued', i => integer(i.issuedQuantity), { numeric: true }],
                ['market.listedAt', i => date(i.listedAt)]
            ], instruments)));
}

/** Depth from the market data API, or from the order book where that is not offered. */
async function depth(id) {
    const market = await getOptional(`/trading/market/instruments/${encodeURIComponent(id)}/depth?levels=20`);
    return market || getJson(`/trading/instruments/${encodeURIComponent(id)}/book`);
}

async function trades(id) {
    const market = await getOptional(`/trading/market/instruments/${encodeURIComponent(id)}/trades?limit=100`);
    if (market) {
        return { items: market.items || [], path: `/trading/market/instruments/${encodeURIComponent(id)}/trades` };
    }
    const page = await getJson(`/trading/trades?instrumentId=${encodeURIComponent(id)}&limit=100`);
    return { items: page.items || [], path: `/trading/trades?instrumentId=${encodeURIComponent(id)}` };
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Daily bars from the market data API; where it is not offered, from the recent trades (open and
 * close by time, trading days in Asia/Shanghai), prices as the API wrote them.
 */
async function daily(id, recent) {
    const bars = await getOptional(`/trading/market/instruments/${encodeURIComponent(id)}/daily`);
    if (bars) {
        return bars.filter(b => Number(b.volume) > 0 || b.open !== null);
    }
    const byDay = new Map();
    [...recent].filter(trade => trade.status !== 'FAILED')
        .sort((a, b) => String(a.executedAt).localeCompare(String(b.executedAt)))
        .forEach(trade => {
            const day = SHANGHAI_DAY.format(new Date(trade.executedAt));
            const bar = byDay.get(day) || { day, open: trade.price, high: trade.price, low: trade.price, volume: 0 };
            bar.high = Number(trade.price) > Number(bar.high) ? trade.price : bar.high;
            bar.low = Number(trade.price) < Number(bar.low) ? trade.price : bar.low;
            bar.close = trade.price;
            bar.volume += Number(trade.quantity);
            byDay.set(day, bar);
        });
    return [...byDay.values()];
}

function levelsTable(id, captionKey, levels) {
    return table(id, captionKey, [
        ['market.price', l => money(l.price), { numeric: true }],
        ['market.quantity', l => integer(l.quantity), { numeric: true }],
        ['market.orders', l => integer(l.orders), { numeric: true }]
    ], levels, 'market.noLevels');
}

export async function instrumentPage(id) {
    const instrument = await getJson(`/trading/instruments/${encodeURIComponent(id)}`);
    const [book, recent, blocks, auctions] = await Promise.all([depth(id), trades(id),
        getOptional(`/trading/market/block-trades?instrumentId=${encodeURIComponent(id)}&limit=100`),
        getOptional(`/trading/market/auctions?instrumentId=${encodeURIComponent(id)}&limit=100`)]);
    const bars = await daily(id, recent.items);
    const bids = book.bids || [];
    const asks = book.asks || [];
    return h('div', { class: 'page', dataset: { instrument: id } },
        h('p', { class: 'crumbs' }, link('#/market', t('nav.market')), ' / ', id),
        h('h1', { id: 'instrument-title' }, t('market.instrumentHeading', { id })),
        facts([
            ['market.project', link(`#/projects/${instrument.projectId}`, instrument.projectCode)],
            ['market.vintage', String(instrument.vintage)],
            ['market.issued', integer(instrument.issuedQuantity)],
            ['market.listedAt', date(instrument.listedAt)]
        ]),
        section('market-depth', 'market.depth', depthChart('depth-chart', bids, asks),
            h('div', { class: 'columns' }, levelsTable('bid-table', 'market.bids', bids), levelsTable('ask-table', 'market.asks', asks))),
        section('market-daily', 'market.daily', candleChart('candle-chart', bars),
            table('daily-table', 'market.daily', [
                ['market.day', b => b.day],
                ['market.open', b => money(b.open), { numeric: true }],
                ['market.high', b => money(b.high), { numeric: true }],
                ['market.low', b => money(b.low), { numeric: true }],
                ['market.close', b => money(b.close), { numeric: true }],
                ['market.volume', b => integer(b.volume), { numeric: true }]
            ], bars, 'market.noTrades')),
        section('market-trades', 'market.trades',
            csvButton(recent.path, `trades-${id}.csv`, TRADE_CSV),
            table('trade-table', 'market.trades', [
                ['market.time', x => date(x.executedAt)],
                ['market.quantity', x => integer(x.quantity), { numeric: true }],
                ['market.price', x => money(x.price), { numeric: true }],
                ['market.amount', x => money(x.amount), { numeric: true }],
                ['market.status', x => badge(label('tradeStatus', x.status), x.status === 'SETTLED' ? 'ok' : x.status === 'FAILED' ? 'bad' : 'pending')]
            ], recent.items, 'market.noTrades')),
        section('market-blocks', 'market.blockTrades', blocks === null ? tr('p', 'market.unavailable', { class: 'empty' }) : [
            csvButton(`/trading/market/block-trades?instrumentId=${encodeURIComponent(id)}`, `block-trades-${id}.csv`,
                ['id', 'executedAt', 'quantity', 'price', 'amount', 'referencePrice', 'tradeStatus']),
            table('block-table', 'market.blockTrades', [
                ['market.time', b => date(b.executedAt)],
                ['market.quantity', b => integer(b.quantity), { numeric: true }],
                ['market.price', b => money(b.price), { numeric: true }],
                ['market.reference', b => money(b.referencePrice), { numeric: true }],
                ['market.amount', b => money(b.amount), { numeric: true }],
                ['market.status', b => label('tradeStatus', b.tradeStatus)]
            ], blocks.items || [])]),
        section('market-auctions', 'market.auctions', auctions === null ? tr('p', 'market.unavailable', { class: 'empty' }) : [
            csvButton(`/trading/market/auctions?instrumentId=${encodeURIComponent(id)}`, `auctions-${id}.csv`,
                ['id', 'offeredQuantity', 'floorPrice', 'allocatedQuantity', 'tradedQuantity', 'bids', 'winningBids',
                    'lowestWinningPrice', 'averagePrice', 'turnover', 'closedAt']),
            table('auction-table', 'market.auctions', [
                ['market.closedAt', a => date(a.closedAt || a.endsAt)],
                ['market.offered', a => integer(a.offeredQuantity), { numeric: true }],
                ['market.floor', a => money(a.floorPrice), { numeric: true }],
                ['market.allocated', a => integer(a.allocatedQuantity), { numeric: true }],
                // what the auction's trades delivered or still deliver: less than allocated when a delivery failed
                ['market.traded', a => integer(a.tradedQuantity), { numeric: true }],
                ['market.bidCount', a => `${integer(a.winningBids)} / ${integer(a.bids)}`, { numeric: true }],
                ['market.average', a => money(a.averagePrice), { numeric: true }],
                ['market.turnover', a => money(a.turnover), { numeric: true }]
            ], auctions.items || [])]));
}
