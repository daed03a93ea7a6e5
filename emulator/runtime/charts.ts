// Fake Charts.ChartType and embedded charts as Task Sync uses them: build (setChartType or asColumnChart, addRange, setPosition, setOption), insert, list, remove.
import { canEditProtection, PROTECTED_MESSAGE } from '../model/sheet-ops';
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

interface RangeLike {
  sheetId: number;
  rect: Rect;
}

/** A chart being built; its ranges keep their sheet, so a range on another sheet is refused on insert. */
interface ChartSpec {
  type: string | null;
  ranges: RangeLike[];
  position: ChartState['position'];
  /** Every option set, the title among them (ChartState keeps the title apart). */
  options: Record<string, unknown>;
}

/** A script value as plain, JSON-safe data (options are stored in the world). */
function plain(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json === undefined ? null : JSON.parse(json);
}

function signature(cls: string, method: string): Error {
  return gasError(`The parameters (Object) don't match the method signature for ${cls}.${method}.`);
}

/**
 * A built chart (id null, spec set) or one getCharts read from its sheet (id set, no spec): what insertChart and
 * removeChart take. Its getters (getRanges, getOptions, modify…) are not emulated and fail loudly.
 */
export class EmbeddedChart {
  constructor(
    readonly id: number | null,
    readonly spec: ChartSpec | null,
  ) {}
}

/** Apps Script returns a typed builder from asColumnChart(); here it is this same builder. */
export class EmbeddedChartBuilder {
  constructor(
    private readonly env: Env,
    private readonly spec: ChartSpec,
  ) {}
  setChartType(type: string): EmbeddedChartBuilder {
    const name = String(type);
    if (!(name in ChartType))
      throw gasError(`Charts.ChartType.${name} is not implemented by the Task Sync emulator.`);
    this.spec.type = name;
    return this;
  }
  asColumnChart(): EmbeddedChartBuilder {
    return this.setChartType(ChartType.COLUMN);
  }
  addRange(range: unknown): EmbeddedChartBuilder {
    const r = range as Partial<RangeLike> | null;
    if (!r || typeof r.sheetId !== 'number' || !r.rect)
      throw signature('SpreadsheetApp.EmbeddedChartBuilder', 'addRange');
    this.spec.ranges.push({ sheetId: r.sheetId, rect: { ...r.rect } });
    return this;
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
  // unverified: the wording of both errors (Sheets picks a type itself when none is set).
  build(): unknown {
    if (this.spec.ranges.length === 0) throw gasError('The chart has no data: add a range before build().');
    if (this.spec.type === null) {
      throw gasError(
        'A chart without a chart type is not implemented by the Task Sync emulator: call setChartType first.',
      );
    }
    const spec: ChartSpec = {
      type: this.spec.type,
      ranges: this.spec.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
      position: { ...this.spec.position },
      options: plain(this.spec.options) as Record<string, unknown>,
    };
    return this.env.track(new EmbeddedChart(null, spec), 'EmbeddedChart');
  }
}

/** The chart methods of one sheet (newChart, insertChart, getCharts, removeChart) over its state. */
export class SheetCharts {
  constructor(
    private readonly env: Env,
    private readonly sheetId: number,
    private readonly state: () => SheetState,
  ) {}

  /** Charts are objects on the sheet: a sheet protection the user may not edit forbids them (range protections do not). */
  private editable(): SheetState {
    const sheet = this.state();
    const { world, exec } = this.env;
    const blocked = sheet.protections.some(
      (p) =>
        p.type === 'SHEET' && !p.warningOnly && !canEditProtection(world.spreadsheet, p, exec.effectiveUser),
    );
    if (blocked) throw gasError(PROTECTED_MESSAGE);
    return sheet;
  }
  private chartOf(chart: unknown, method: string): EmbeddedChart {
    if (!(chart instanceof EmbeddedChart)) throw signature('SpreadsheetApp.Sheet', method);
    return chart;
  }

  newChart(): unknown {
    this.state();
    const spec: ChartSpec = {
      type: null,
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
    return this.env.track(new EmbeddedChartBuilder(this.env, spec), 'EmbeddedChartBuilder');
  }
  /** Adds the built chart with a new id; its title option is stored as the chart's title. */
  insert(chart: unknown): void {
    const { spec } = this.chartOf(chart, 'insertChart');
    if (!spec)
      throw gasError('Inserting a chart read by getCharts is not implemented by the Task Sync emulator.');
    if (spec.ranges.some((r) => r.sheetId !== this.sheetId)) {
      throw gasError('A chart over a range on another sheet is not implemented by the Task Sync emulator.');
    }
    const sheet = this.editable();
    const { title = '', ...options } = plain(spec.options) as Record<string, unknown>;
    sheet.charts.push({
      id: this.env.world.seq++,
      type: spec.type!,
      ranges: spec.ranges.map((r) => ({ ...r.rect })),
      title: String(title),
      position: { ...spec.position },
      options,
    });
  }
  list(): unknown[] {
    return this.state().charts.map((c) => this.env.track(new EmbeddedChart(c.id, null), 'EmbeddedChart'));
  }
  remove(chart: unknown): void {
    const { id } = this.chartOf(chart, 'removeChart');
    const sheet = this.editable();
    const at = sheet.charts.findIndex((c) => c.id === id);
    // unverified: the wording; Sheets cannot remove a chart that is not on the sheet.
    if (at < 0) throw gasError('The chart is not on this sheet.');
    sheet.charts.splice(at, 1);
  }
}

/** The Charts global: only its ChartType enum (Charts.newDataTable and other enums fail loudly). */
export function makeCharts(env: Env): unknown {
  return env.track({ ChartType }, 'Charts');
}
