// Typed calls to the playground's HTTP API (SPEC §12); every POST carries the acting user.
import type { ExecutionMetrics, LogEntry } from '../../world';

export type { LogEntry };

export interface MenuItem {
  caption: string;
  functionName: string;
}
export type MenuEntry = MenuItem | { separator: true };
export interface Menu {
  title: string;
  items: MenuEntry[];
}
export interface TeamMember {
  name: string;
  email: string;
  role: string;
}
export interface State {
  now: string;
  timeZone: string;
  locale: string;
  name: string;
  owner: string;
  team: TeamMember[];
  defaultUser: string;
  menus: Menu[];
  triggers: number;
  outbox: number;
}
/** An embedded chart's data: its first range as a table (labels down the first column, one column per series). */
export interface ChartView {
  id: number;
  type: string;
  title: string;
  position: { row: number; col: number };
  series: { labels: string[]; columns: { name: string; values: number[] }[] };
}
export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  columnWidths: Record<string, number>;
  values: string[][];
  charts: ChartView[];
}
export interface Workbook {
  timeZone: string;
  sheets: SheetView[];
}
export interface RunAnswer {
  ok: boolean;
  result?: unknown;
  error?: { name?: string; message: string };
}
export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}
export interface MenuAnswer extends RunAnswer {
  alerts: Alert[];
  sidebar: boolean;
}
export interface TriggerOutcome {
  fn: string;
  ok: boolean;
  error?: string;
}
export interface EditAnswer {
  ok: boolean;
  rejected?: string;
  warnings: string[];
  triggers: TriggerOutcome[];
}
export interface TriggerInfo {
  uid: string;
  handler: string;
  owner: string;
  eventType: string;
  clock: Record<string, unknown> | null;
  lastRun: string | null;
}
export interface TriggerRun extends RunAnswer {
  handler: string;
  at: string;
}
export interface Mail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  sentAt: string;
}
export type Metrics = ExecutionMetrics;

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json()) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(data.error?.message ?? `${method} ${path}: HTTP ${res.status}`);
  return data;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body: Record<string, unknown>) => request<T>('POST', path, body);

export const api = {
  state: () => get<State>('/api/state'),
  workbook: () => get<Workbook>('/api/workbook'),
  outbox: () => get<Mail[]>('/api/outbox'),
  triggers: () => get<TriggerInfo[]>('/api/triggers'),
  calls: () => get<Metrics | null>('/api/calls'),
  logs: () => get<LogEntry[]>('/api/logs'),
  open: (user: string, authMode: 'LIMITED' | 'NONE') =>
    post<RunAnswer & { menus: Menu[] }>('/api/open', { user, authMode }),
  menu: (fn: string, user: string, answers: string[]) => post<MenuAnswer>('/api/menu', { fn, user, answers }),
  edit: (sheet: string, a1: string, value: string, user: string) =>
    post<EditAnswer>('/api/edit', { sheet, a1, value, user }),
  clock: (now: string) => post<{ now: string }>('/api/clock', { now }),
  /** The jobs' next runs, from getSettings as the admin (`yyyy-MM-dd HH:mm` in the spreadsheet's zone). */
  nextJobRuns: (admin: string) =>
    post<RunAnswer & { result?: { status: { jobs: { job: string; nextRun: string }[] } } }>('/rpc', {
      fn: 'getSettings',
      args: [],
      user: admin,
    }),
  runTriggers: (user: string, handler?: string) =>
    post<TriggerRun[]>('/api/triggers/run', handler ? { handler, user } : {}),
  reset: (locale: string) => post<{ ok: boolean; now: string }>('/api/reset', { data: 'sample', locale }),
};
