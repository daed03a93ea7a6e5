// Cell values as Sheets handles them: serial dates, USER_ENTERED parsing of typed text, and display formatting.
import { type CellValue, isDateCell, isFormulaCell } from '../world';
import { MONTHS } from './datefmt';

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Wall-clock milliseconds (fields read as UTC) → Sheets serial days. */
export function wallToSerial(wallMs: number): number {
  return (wallMs - SERIAL_EPOCH) / DAY_MS;
}
export function serialToWall(serial: number): number {
  return Math.round(serial * DAY_MS) + SERIAL_EPOCH;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DATE_TEXT = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_TEXT = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * What a string becomes when typed into a cell (or written by setValue, which Sheets treats as USER_ENTERED):
 * numbers, TRUE/FALSE, valid yyyy-MM-dd[ HH:mm[:ss]] dates, formulas; a leading apostrophe or a plain-text (@)
 * format keeps it as text. An impossible date such as 2024-02-30 stays text.
 */
export function parseUserEntered(text: string, numberFormat: string): CellValue {
  if (numberFormat === '@') return text;
  if (text.startsWith("'")) return text.slice(1);
  if (text.startsWith('=') && text.length > 1) return { f: text };
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (NUMBER_TEXT.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?%$/.test(trimmed)) return Number(trimmed.slice(0, -1)) / 100;
  const time = TIME_TEXT.exec(trimmed);
  if (time) {
    const [h, mi, s] = time.slice(1).map((x) => Number(x ?? 0)) as [number, number, number];
    if (h < 24 && mi < 60 && s < 60) return { d: (h * 3600 + mi * 60 + s) / 86400 };
  }
  const m = DATE_TEXT.exec(trimmed);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
    if (validYmd(y!, mo!, d!) && h! < 24 && mi! < 60 && s! < 60) {
      return { d: wallToSerial(Date.UTC(y!, mo! - 1, d!, h, mi, s)) };
    }
  }
  return text;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats a serial date with a Sheets date/time number format (yyyy, MM/mm, dd, HH/hh, mm, ss, AM/PM, mmm). */
export function formatSerial(serial: number, format: string): string {
  const t = new Date(serialToWall(serial));
  const hasTime = /[hs]/i.test(format);
  const tokens = format.match(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|./gi) ?? [];
  let out = '';
  let lastWasHour = false;
  const twelve = /am\/pm/i.test(format);
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const nextIsSecond =
      tokens
        .slice(i + 1)
        .find((x) => /^[a-z]/i.test(x))
        ?.toLowerCase()
        .startsWith('s') ?? false;
    const minuteContext = lastWasHour || nextIsSecond;
    if (lower === 'yyyy') out += pad(t.getUTCFullYear(), 4);
    else if (lower === 'yy') out += pad(t.getUTCFullYear() % 100, 2);
    else if (lower === 'mmmm') out += MONTHS[t.getUTCMonth()];
    else if (lower === 'mmm') out += MONTHS[t.getUTCMonth()]!.slice(0, 3);
    else if (lower === 'mm' || lower === 'm') {
      const v = minuteContext && hasTime ? t.getUTCMinutes() : t.getUTCMonth() + 1;
      out += lower === 'mm' ? pad(v, 2) : String(v);
    } else if (lower === 'dd') out += pad(t.getUTCDate(), 2);
    else if (lower === 'd') out += String(t.getUTCDate());
    else if (lower === 'hh' || lower === 'h') {
      const h = twelve ? t.getUTCHours() % 12 || 12 : t.getUTCHours();
      out += lower === 'hh' ? pad(h, 2) : String(h);
    } else if (lower === 'ss') out += pad(t.getUTCSeconds(), 2);
    else if (lower === 's') out += String(t.getUTCSeconds());
    else if (lower === 'am/pm') out += t.getUTCHours() < 12 ? 'AM' : 'PM';
    else if (tok.startsWith('"')) out += tok.slice(1, -1);
    else out += tok;
    if (/^[a-z]/i.test(tok)) lastWasHour = lower.startsWith('h');
  });
  return out;
}

function isDateFormat(format: string): boolean {
  return /[yd]/i.test(format.replace(/"[^"]*"/g, '')) || /h.*m|m.*s/i.test(format);
}

function formatNumber(n: number, format: string): string {
  if (format === '' || format === 'General' || format === '@') return String(n);
  if (format.endsWith('%')) {
    const decimals = (format.split('.')[1] ?? '').replace('%', '').length;
    return `${(n * 100).toFixed(decimals)}%`;
  }
  const decimals = (format.split('.')[1] ?? '').length;
  const fixed = n.toFixed(decimals);
  if (!format.includes(',')) return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** The text a cell shows (getDisplayValues): formats numbers and dates, TRUE/FALSE for booleans. */
export function displayValue(v: CellValue, format: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isFormulaCell(v)) return '#ERROR!';
  if (isDateCell(v)) {
    if (format && format !== '@' && isDateFormat(format)) return formatSerial(v.d, format);
    return formatSerial(v.d, Number.isInteger(v.d) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss');
  }
  if (format && format !== '@' && isDateFormat(format)) return formatSerial(v, format);
  return formatNumber(v, format);
}
