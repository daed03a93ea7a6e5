// Fake Charts service and embedded charts: Charts.ChartType, EmbeddedChartBuilder and EmbeddedChart over plain chart state.
import { canEditProtection, PROTECTED_MESSAGE, sheetById } from '../model/sheet-ops';
import type { ChartState, Rect, SheetState } from '../world';
import { gasError } from './context';
import type { Env } from './env';

/** The chart types the emulator stores and the playground draws (the real enum has more; those fail loudly). */
export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  COLUMN: 'COLUMN',
  LINE: 'LINE',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  TABLE: 'TABLE',
} as const;

type RangeMaker = (sheetId: number, rect: Rect) => unknown;

interface RangeLike {
  sheetId: number;
  rect: Rect;
}

/** Where a chart sits: its anchor cell and the pixel offset from that cell's top-left corner. */
interface Anchor {
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
}

/** A chart as stored: ChartState plus the anchor's offsets and the header count (JSON-safe extras). */
interface StoredChart extends ChartState {
  position: Anchor;
  numHeaders: number;
}

/** A chart being built or read back; its ranges keep their sheet, so a range on another sheet is refused on insert. */
interface ChartSpec {
  /** null until the chart is on a sheet. */
  id: number | null;
  type: string | null;
  ranges: RangeLike[];
  position: Anchor;
  options: Record<string, unknown>;
  numHeaders: number;
}

interface ChartDeps {
  env: Env;
  rangeOf: RangeMaker;
}

/** A script value as plain, JSON-safe data (options are stored in the world). */
function plain(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json === undefined ? null : JSON.parse(json);
}

function copySpec(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    ranges: spec.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
    position: { ...spec.position },
    options: plain(spec.options) as Record<string, unknown>,
  };
}

function specOf(sheetId: number, state: ChartState): ChartSpec {
  const stored = state as Partial<StoredChart>;
  const position = state.position as Partial<Anchor>;
  return copySpec({
    id: state.id,
    type: state.type,
    ranges: state.ranges.map((rect) => ({ sheetId, rect })),
    position: {
      row: state.position.row,
      col: state.position.col,
      offsetX: position.offsetX ?? 0,
      offsetY: position.offsetY ?? 0,
    },
    options: state.options,
    // unverified: -1 (let Sheets decide) as the default header count.
    numHeaders: stored.numHeaders ?? -1,
  });
}

function stateOf(spec: ChartSpec, id: number, sheetId: number): StoredChart {
  if (spec.ranges.some((r) => r.sheetId !== sheetId)) {
    throw gasError('A chart over a range on another sheet is not implemented by the Task Sync emulator.');
  }
  const { options } = copySpec(spec);
  return {
    id,
    type: spec.type!,
    ranges: spec.ranges.map((r) => ({ ...r.rect })),
    title: String(options.title ?? ''),
    position: { ...spec.position },
    options,
    numHeaders: spec.numHeaders,
  };
}

function signature(cls: string, method: string): Error {
  return gasError(`The parameters (Object) don't match the method signature for ${cls}.${method}.`);
}

function asRange(range: unknown, method: string): RangeLike {
  const r = range as Partial<RangeLike> | null;
  if (!r || typeof r.sheetId !== 'number' || !r.rect)
    throw signature('SpreadsheetApp.EmbeddedChartBuilder', method);
  return { sheetId: r.sheetId, rect: { ...r.rect } };
}

const sameRange = (a: RangeLike, b: RangeLike) =>
  a.sheetId === b.sheetId &&
  a.rect.r1 === b.rect.r1 &&
  a.rect.c1 === b.rect.c1 &&
  a.rect.r2 === b.rect.r2 &&
  a.rect.c2 === b.rect.c2;

export class ChartOptions {
  constructor(private readonly options: Record<string, unknown>) {}
  /** The option set under `option`, else the value at its dotted path ('hAxis.title'), else null. */
  get(option: string): unknown {
    const key = String(option);
    if (Object.hasOwn(this.options, key)) return plain(this.options[key]);
    let at: unknown = this.options;
    for (const part of key.split('.')) {
      if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return null;
      at = (at as Record<string, unknown>)[part];
    }
    return plain(at);
  }
}

export class ContainerInfo {
  constructor(private readonly anchor: Anchor) {}
  getAnchorRow(): number {
    return this.anchor.row;
  }
  getAnchorColumn(): number {
    return this.anchor.col;
  }
  getOffsetX(): number {
    return this.anchor.offsetX;
  }
  getOffsetY(): number {
    return this.anchor.offsetY;
  }
}

export class EmbeddedChart {
  constructor(
    private readonly deps: ChartDeps,
    readonly spec: ChartSpec,
  ) {}
  getChartId(): number | null {
    return this.spec.id;
  }
  /** Deprecated in Apps Script (a string id); unverified: the 'u' prefix. */
  getId(): string | null {
    return this.spec.id === null ? null : `u${this.spec.id}`;
  }
  getRanges(): unknown[] {
    return this.spec.ranges.map((r) => this.deps.rangeOf(r.sheetId, r.rect));
  }
  getOptions(): unknown {
    return this.deps.env.track(new ChartOptions(this.spec.options), 'ChartOptions');
  }
  getContainerInfo(): unknown {
    return this.deps.env.track(new ContainerInfo({ ...this.spec.position }), 'ContainerInfo');
  }
  getNumHeaders(): number {
    return this.spec.numHeaders;
  }
  /** A builder holding this chart's settings and id, so Sheet.updateChart replaces it. */
  modify(): unknown {
    return this.deps.env.track(
      new EmbeddedChartBuilder(this.deps, copySpec(this.spec)),
      'EmbeddedChartBuilder',
    );
  }
}

/** Apps Script returns typed builders from as…Chart(); here they are all this one builder. */
export class EmbeddedChartBuilder {
  constructor(
    private readonly deps: ChartDeps,
    private readonly spec: ChartSpec,
  ) {}
  setChartType(type: string): EmbeddedChartBuilder {
    const name = String(type);
    if (!(name in ChartType))
      throw gasError(`Charts.ChartType.${name} is not implemented by the Task Sync emulator.`);
    this.spec.type = name;
    return this;
  }
  getChartType(): string | null {
    return this.spec.type;
  }
  asAreaChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.AREA);
  }
  asBarChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.BAR);
  }
  asColumnChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.COLUMN);
  }
  asLineChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.LINE);
  }
  asPieChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.PIE);
  }
  asScatterChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.SCATTER);
  }
  asTableChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.TABLE);
  }
  addRange(range: unknown): EmbeddedChartBuilder {
    this.spec.ranges.push(asRange(range, 'addRange'));
    return this;
  }
  removeRange(range: unknown): EmbeddedChartBuilder {
    const gone = asRange(range, 'removeRange');
    this.spec.ranges = this.spec.ranges.filter((r) => !sameRange(r, gone));
    return this;
  }
  clearRanges(): EmbeddedChartBuilder {
    this.spec.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this.spec.ranges.map((r) => this.deps.rangeOf(r.sheetId, r.rect));
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((n) => typeof n === 'number' && Number.isInteger(n))) {
      throw signature('SpreadsheetApp.EmbeddedChartBuilder', 'setPosition');
    }
    this.spec.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.spec.options[String(option)] = plain(value);
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilder {
    if (typeof headers !== 'number') throw signature('SpreadsheetApp.EmbeddedChartBuilder', 'setNumHeaders');
    this.spec.numHeaders = headers;
    return this;
  }
  // unverified: the wording of both errors (Sheets picks a type itself when none is set).
  build(): unknown {
    if (this.spec.ranges.length === 0) throw gasError('The chart has no data: add a range before build().');
    if (this.spec.type === null) {
      throw gasError(
        'A chart without a chart type is not implemented by the Task Sync emulator: call setChartType first.',
      );
    }
    return this.deps.env.track(new EmbeddedChart(this.deps, copySpec(this.spec)), 'EmbeddedChart');
  }
}

/** The chart methods of one sheet: newChart, insertChart, getCharts, updateChart and removeChart. */
export class SheetCharts {
  private readonly deps: ChartDeps;
  constructor(
    env: Env,
    rangeOf: RangeMaker,
    private readonly sheetId: number,
  ) {
    this.deps = { env, rangeOf };
  }

  private state(): SheetState {
    const s = sheetById(this.deps.env.world.spreadsheet, this.sheetId);
    if (!s) throw gasError('This sheet has been deleted.');
    return s;
  }
  /** Charts are objects on the sheet: a sheet protection the user may not edit forbids them (range protections do not). */
  private editable(): SheetState {
    const sheet = this.state();
    const { world, exec } = this.deps.env;
    const blocked = sheet.protections.some(
      (p) =>
        p.type === 'SHEET' && !p.warningOnly && !canEditProtection(world.spreadsheet, p, exec.effectiveUser),
    );
    if (blocked) throw gasError(PROTECTED_MESSAGE);
    return sheet;
  }
  private specOfArg(chart: unknown, method: string): ChartSpec {
    if (!(chart instanceof EmbeddedChart)) throw signature('SpreadsheetApp.Sheet', method);
    return chart.spec;
  }
  private indexOf(sheet: SheetState, spec: ChartSpec): number {
    const at = sheet.charts.findIndex((c) => c.id === spec.id);
    // unverified: the wording; Sheets cannot update or remove a chart that is not on the sheet.
    if (at < 0) throw gasError('The chart is not on this sheet.');
    return at;
  }

  newChart(): unknown {
    this.state();
    const spec: ChartSpec = {
      id: null,
      type: null,
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
      numHeaders: -1,
    };
    return this.deps.env.track(new EmbeddedChartBuilder(this.deps, spec), 'EmbeddedChartBuilder');
  }
  /** Adds the chart with a new id (inserting a modified chart adds a copy). */
  insert(chart: unknown): void {
    const spec = this.specOfArg(chart, 'insertChart');
    const sheet = this.editable();
    sheet.charts.push(stateOf(spec, this.deps.env.world.seq++, this.sheetId));
  }
  list(): unknown[] {
    return this.state().charts.map((c) =>
      this.deps.env.track(new EmbeddedChart(this.deps, specOf(this.sheetId, c)), 'EmbeddedChart'),
    );
  }
  update(chart: unknown): void {
    const spec = this.specOfArg(chart, 'updateChart');
    const sheet = this.editable();
    sheet.charts[this.indexOf(sheet, spec)] = stateOf(spec, spec.id!, this.sheetId);
  }
  remove(chart: unknown): void {
    const spec = this.specOfArg(chart, 'removeChart');
    const sheet = this.editable();
    sheet.charts.splice(this.indexOf(sheet, spec), 1);
  }
}

/** The Charts global: only its ChartType enum (Charts.newDataTable and other enums fail loudly). */
export function makeCharts(env: Env): unknown {
  return env.track({ ChartType }, 'Charts');
}
