// What every fake service shares inside one execution: the bridge to the world, the tracker and value conversion.
import { instantToWall, wallToInstant } from '../model/datefmt';
import { parseUserEntered, serialToWall, wallToSerial } from '../model/values';
import { type CellValue, isDateCell, isFormulaCell, type World } from '../world';
import { type Bridge, type ExecutionState, gasError, type HostHooks } from './context';
import type { Tracker } from './instrument';

export interface Env {
  world: World;
  exec: ExecutionState;
  host: HostHooks;
  track: Tracker['track'];
}

export function makeEnv(bridge: Bridge, tracker: Tracker): Env {
  return { world: bridge.world, exec: bridge.exec, host: bridge.host, track: tracker.track };
}

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A stored cell as the script sees it (getValues): Dates in the spreadsheet's time zone, '' for empty. */
export function cellToScript(env: Env, v: CellValue): unknown {
  if (isDateCell(v)) return new Date(wallToInstant(serialToWall(v.d), env.world.spreadsheet.timeZone));
  if (isFormulaCell(v)) return '#ERROR!';
  return v;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `${v.length > 0 && !Array.isArray(v[0]) ? typeName(v[0]) : 'Object'}[]`;
  if (isDate(v)) return 'Date';
  const t = typeof v;
  return t === 'object'
    ? 'Object'
    : t === 'string'
      ? 'String'
      : t === 'number'
        ? 'number'
        : t === 'boolean'
          ? 'Boolean'
          : t;
}

/** A script value as it is stored (setValues is USER_ENTERED: strings are parsed unless the cell is plain text). */
export function scriptToCell(env: Env, v: unknown, numberFormat: string, method: string): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return parseUserEntered(v, numberFormat);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'boolean') return v;
  if (isDate(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return '';
    return { d: wallToSerial(instantToWall(ms, env.world.spreadsheet.timeZone)) };
  }
  throw gasError(`The parameters (${typeName(v)}) don't match the method signature for ${method}.`);
}
