// The selected sheet's embedded charts beside the grid: inline SVG bars or lines with axes and a legend, else a table.
import type { ChartView, SheetView } from './api';
import { el, textWidth } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const WIDTH = 360;
const HEIGHT = 220;
/** Room around the plot for the value ticks (left) and the category labels (bottom). */
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };
const BAR_PAD_LEFT = 72;
const TICKS = 4;
/** Widest a category label may be before it is clipped, and the height of one, in pixels. */
const MAX_LABEL = 90;
const LINE_HEIGHT = 12;
/** The labels' font size. */
const LABEL_PX = 10;
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

type SvgAttrs = Record<string, string | number>;

/** An SVG element with attributes and optional text (set as textContent, never parsed). */
function svg(tag: string, attrs: SvgAttrs = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A label clipped to `room` pixels; a clipped one shows the full text as its tooltip. */
function label(text: string, room: number, attrs: SvgAttrs): SVGElement {
  if (textWidth(text, LABEL_PX) <= room) return svg('text', attrs, text);
  let shown = '';
  for (const ch of text) {
    if (textWidth(`${shown}${ch}…`, LABEL_PX) > room) break;
    shown += ch;
  }
  const node = svg('text', attrs, `${shown}…`);
  node.append(svg('title', {}, text));
  return node;
}

const colorOf = (series: number) => PALETTE[series % PALETTE.length]!;
const short = (n: number) => String(Math.round(n * 100) / 100);

/** The value range to draw and its tick step: includes 0, with ends on multiples of a 1, 2 or 5 × 10ⁿ step. */
function domainOf(chart: ChartView): { lo: number; hi: number; step: number } {
  const values = chart.series.columns.flatMap((c) => c.values);
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  if (max === min) return { lo: min, hi: min + 1, step: 1 / TICKS };
  const raw = (max - min) / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return { lo: Math.floor(min / step) * step, hi: Math.ceil(max / step) * step, step };
}

type Domain = ReturnType<typeof domainOf>;

interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Value ticks with grid lines, along the left (vertical) or the bottom (horizontal) edge of the plot. */
function valueAxis(plot: Plot, domain: Domain, vertical: boolean): SVGElement {
  const { lo, hi, step } = domain;
  const g = svg('g', { class: 'axis value-axis' });
  for (let i = 0; lo + i * step <= hi + step / 2; i++) {
    const share = (i * step) / (hi - lo);
    if (vertical) {
      const y = plot.y + plot.h - plot.h * share;
      g.append(svg('line', { x1: plot.x, x2: plot.x + plot.w, y1: y, y2: y, class: 'gridline' }));
      g.append(svg('text', { x: plot.x - 6, y: y + 4, 'text-anchor': 'end' }, short(lo + i * step)));
    } else {
      const x = plot.x + plot.w * share;
      g.append(svg('line', { x1: x, x2: x, y1: plot.y, y2: plot.y + plot.h, class: 'gridline' }));
      g.append(svg('text', { x, y: plot.y + plot.h + 16, 'text-anchor': 'middle' }, short(lo + i * step)));
    }
  }
  return g;
}

/**
 * Category labels under each group (vertical charts) or left of each group (bar charts). When they are crowded only
 * every n-th is shown, and each is clipped to the room it has.
 */
function categoryAxis(plot: Plot, labels: string[], vertical: boolean): SVGElement {
  const g = svg('g', { class: 'axis category-axis' });
  const band = (vertical ? plot.w : plot.h) / Math.max(1, labels.length);
  const need = vertical
    ? Math.min(MAX_LABEL, Math.max(0, ...labels.map((l) => textWidth(l, LABEL_PX)))) + 4
    : LINE_HEIGHT;
  const stride = Math.max(1, Math.ceil(need / band));
  const room = vertical ? band * stride - 4 : plot.x - 8;
  labels.forEach((text, i) => {
    if (i % stride !== 0) return;
    const mid = (vertical ? plot.x : plot.y) + band * (i + 0.5);
    g.append(
      vertical
        ? label(text, room, { x: mid, y: plot.y + plot.h + 16, 'text-anchor': 'middle' })
        : label(text, room, { x: plot.x - 6, y: mid + 4, 'text-anchor': 'end' }),
    );
  });
  return g;
}

/** Grouped bars: COLUMN stands them up from the bottom, BAR lays them out from the left. */
function bars(chart: ChartView, plot: Plot, vertical: boolean): SVGElement[] {
  const domain = domainOf(chart);
  const { lo, hi } = domain;
  const { labels, columns } = chart.series;
  const length = vertical ? plot.h : plot.w;
  const at = (v: number) => ((v - lo) / (hi - lo)) * length;
  const band = (vertical ? plot.w : plot.h) / Math.max(1, labels.length);
  const thick = (band * 0.8) / Math.max(1, columns.length);
  const g = svg('g', { class: 'bars' });
  columns.forEach((column, s) => {
    column.values.forEach((v, i) => {
      const across = band * i + band * 0.1 + thick * s;
      const from = at(Math.min(v, 0));
      const size = Math.max(1, at(Math.max(v, 0)) - from);
      const rect = vertical
        ? { x: plot.x + across, y: plot.y + plot.h - from - size, width: thick, height: size }
        : { x: plot.x + from, y: plot.y + across, width: size, height: thick };
      const bar = svg('rect', { ...rect, fill: colorOf(s), class: 'bar' });
      bar.append(svg('title', {}, `${column.name} · ${labels[i] ?? ''}: ${v}`));
      g.append(bar);
    });
  });
  return [valueAxis(plot, domain, vertical), categoryAxis(plot, labels, vertical), g];
}

/** One polyline with a point per category for each series. */
function lines(chart: ChartView, plot: Plot): SVGElement[] {
  const domain = domainOf(chart);
  const { lo, hi } = domain;
  const { labels, columns } = chart.series;
  const band = plot.w / Math.max(1, labels.length);
  const g = svg('g', { class: 'lines' });
  columns.forEach((column, s) => {
    const points = column.values.map((v, i) => ({
      x: plot.x + band * (i + 0.5),
      y: plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h,
      v,
    }));
    const color = colorOf(s);
    g.append(
      svg('polyline', {
        points: points.map((p) => `${p.x},${p.y}`).join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 2,
        class: 'line',
      }),
    );
    points.forEach((p, i) => {
      const dot = svg('circle', { cx: p.x, cy: p.y, r: 3.5, fill: color, class: 'point' });
      dot.append(svg('title', {}, `${column.name} · ${labels[i] ?? ''}: ${p.v}`));
      g.append(dot);
    });
  });
  return [valueAxis(plot, domain, true), categoryAxis(plot, labels, true), g];
}

function plotArea(type: string): Plot {
  const left = type === 'BAR' ? BAR_PAD_LEFT : PAD.left;
  return { x: left, y: PAD.top, w: WIDTH - left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom };
}

function drawing(chart: ChartView): SVGElement {
  const plot = plotArea(chart.type);
  const parts = chart.type === 'LINE' ? lines(chart, plot) : bars(chart, plot, chart.type !== 'BAR');
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'img',
    'aria-label': chart.title || chart.type,
  });
  root.append(...parts);
  return root;
}

function legend(chart: ChartView): HTMLElement {
  return el(
    'ul',
    { class: 'chart-legend' },
    ...chart.series.columns.map((c, s) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = colorOf(s);
      return el('li', {}, swatch, c.name);
    }),
  );
}

/** Chart types the page does not draw show their data as a table. */
function dataTable(chart: ChartView): HTMLElement {
  const { labels, columns } = chart.series;
  return el(
    'table',
    { class: 'list chart-table' },
    el('thead', {}, el('tr', {}, el('th', {}), ...columns.map((c) => el('th', {}, c.name)))),
    el(
      'tbody',
      {},
      ...labels.map((text, i) =>
        el(
          'tr',
          {},
          el('th', {}, text),
          ...columns.map((c) => el('td', { class: 'num' }, String(c.values[i]))),
        ),
      ),
    ),
  );
}

const DRAWN = new Set(['BAR', 'COLUMN', 'LINE']);

function figure(chart: ChartView): HTMLElement {
  const empty = chart.series.labels.length === 0 || chart.series.columns.length === 0;
  const body = empty
    ? [el('p', { class: 'empty' }, '没有数据 No data')]
    : DRAWN.has(chart.type)
      ? [drawing(chart), legend(chart)]
      : [dataTable(chart)];
  return el(
    'figure',
    { class: 'chart', 'data-testid': 'chart', 'data-type': chart.type },
    el('figcaption', { 'data-testid': 'chart-title' }, chart.title || `(${chart.type})`),
    ...body,
  );
}

/** A pane listing the sheet's charts in anchor order (top to bottom, then left to right); hidden when there are none. */
export function createChartPane(): { element: HTMLElement; update(sheet: SheetView | undefined): void } {
  const element = el('aside', { class: 'chart-pane', 'aria-label': '图表 Charts', 'data-testid': 'charts' });
  return {
    element,
    update(sheet) {
      const charts = [...(sheet?.charts ?? [])].sort(
        (a, b) => a.position.row - b.position.row || a.position.col - b.position.col,
      );
      element.hidden = charts.length === 0;
      element.replaceChildren(...charts.map(figure));
    },
  };
}
