// The offline playground (SPEC §12): the workbook, menu, sidebar, outbox, triggers and clock over HTTP on 127.0.0.1.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { ENUMS } from '../../src/core/enums';
import { isLocale, type Locale } from '../../src/core/locale';
import { headersOf, sheetDef, sheetName } from '../../src/core/templates';
import { runClockTrigger, runDueTriggers } from '../clock';
import { applyUserEdit } from '../edits';
import { ruleGrid } from '../model/rects';
import { cellAt } from '../model/sheet-ops';
import { displayValue } from '../model/values';
import { Emulator, PROJECT_ROOT, type RunResult } from '../sandbox';
import type { ChartState, Rect, SheetState, World } from '../world';
import { loadWorld, resetWorld, saveWorld } from './state';

const here = path.dirname(fileURLToPath(import.meta.url));

function bundle(entry: string): string {
  const out = buildSync({
    entryPoints: [path.join(here, 'client', entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
}

export interface TeamMember {
  name: string;
  email: string;
  role: string;
}

/** The Team sheet's people as the playground sees them (host-side read of the world, either locale). */
export function teamOf(world: World): TeamMember[] {
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    const sheet = world.spreadsheet.sheets.find((s) => s.name === sheetName('team', locale));
    if (!sheet) continue;
    const headers = (sheet.rows[0] ?? []).map(String);
    const [name, email, role] = headersOf(sheetDef('team'), locale).map((h) => headers.indexOf(h));
    return sheet.rows.slice(1).flatMap((row) => {
      const e = String(row[email!] ?? '');
      if (!e.includes('@')) return [];
      return [
        { name: String(row[name!] ?? ''), email: e, role: ENUMS.role.parse(row[role!], locale) ?? 'member' },
      ];
    });
  }
  return [];
}

function defaultUser(world: World): string {
  return teamOf(world).find((m) => m.role === 'manager')?.email ?? world.spreadsheet.owner;
}

/** The display values of a rectangle, cut off below the sheet's last stored row (whole-column ranges). */
function displayGrid(sheet: SheetState, rect: Rect): string[][] {
  const clipped = { ...rect, r2: Math.min(rect.r2, Math.max(rect.r1, sheet.rows.length)) };
  return ruleGrid(sheet.formats, clipped, '').map((line, i) =>
    line.map((format, j) => displayValue(cellAt(sheet, clipped.r1 + i, clipped.c1 + j), format)),
  );
}

/** A display value as a chart value: thousands separators allowed, anything else non-numeric is 0. */
function chartNumber(text: string): number {
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** A chart for the page: its first range as a table (header row of series names, label column, numbers), blank rows skipped. */
function chartView(sheet: SheetState, chart: ChartState) {
  const [headers = [], ...all] = chart.ranges[0] ? displayGrid(sheet, chart.ranges[0]) : [];
  // Like Sheets, a chart skips the empty rows of its range (ranges are often drawn longer than the data).
  const rows = all.filter((r) => r.some((v) => v !== ''));
  return {
    id: chart.id,
    type: chart.type,
    title: chart.title,
    position: { row: chart.position.row, col: chart.position.col },
    series: {
      labels: rows.map((r) => r[0] ?? ''),
      columns: headers.slice(1).map((name, i) => ({ name, values: rows.map((r) => chartNumber(r[i + 1]!)) })),
    },
  };
}

/** The values a person sees in each sheet (display values) and its charts' data, for GET /api/workbook. */
export function workbookView(world: World) {
  return {
    timeZone: world.spreadsheet.timeZone,
    sheets: world.spreadsheet.sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden,
      frozenRows: s.frozenRows,
      /** Widths in pixels the script set, by 1-based column; other columns fit their text. */
      columnWidths: s.columnWidths,
      values: displayGrid(s, {
        r1: 1,
        c1: 1,
        r2: s.rows.length,
        c2: Math.max(0, ...s.rows.map((r) => r.length)),
      }),
      charts: s.charts.map((c) => chartView(s, c)),
    })),
  };
}

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
      if (data.length > 5_000_000) reject(new Error('Request too large'));
    });
    req.on('end', () => {
      try {
        resolve(data ? (JSON.parse(data) as Record<string, unknown>) : {});
      } catch {
        reject(new Error('The request body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function rpcAnswer(r: RunResult) {
  return r.ok
    ? { ok: true, result: r.result }
    : { ok: false, error: { name: r.error!.name, message: r.error!.message } };
}

/** The sidebar HTML as HtmlService would serve it, with the google.script.run shim as the first child of <head>. */
function sidebarPage(emu: Emulator, user: string, shim: string): string | null {
  const r = emu.call('openSidebar', [], user);
  const html = emu.world.ui.sidebar?.html;
  if (!r.ok || !html) return null;
  const tag = `<script>${shim}</script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${tag}`) : `${tag}${html}`;
}

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  /** Start from this world instead of the saved state (tests); nothing is saved then. */
  world?: World;
}

export async function startPlayground(
  opts: PlaygroundOptions = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const persist = !opts.world;
  const state = { world: opts.world ?? loadWorld() };
  const emulator = () => new Emulator(state.world);
  const save = () => {
    if (persist) saveWorld(state.world);
  };
  const shim = bundle('shim.ts');
  const client = bundle('main.ts');
  const css = fs.readFileSync(path.join(here, 'client', 'style.css'), 'utf8');
  const page = fs
    .readFileSync(path.join(here, 'client', 'index.html'), 'utf8')
    .replace('/* inline:style */', () => css)
    .replace('/* inline:script */', () => client);

  const routes: Record<string, (body: Record<string, unknown>, url: URL) => unknown> = {
    'POST /rpc': (b) => {
      const fn = String(b.fn ?? '');
      if (!/^[A-Za-z_$][\w$]*$/.test(fn) || fn.endsWith('_'))
        return { ok: false, error: { message: `Script function not found: ${fn}` } };
      const args = Array.isArray(b.args) ? b.args : [];
      return rpcAnswer(emulator().call(fn, args, String(b.user || defaultUser(state.world)), { rpc: true }));
    },
    'POST /api/menu': (b) => {
      const world = state.world;
      world.ui.pendingAnswers = Array.isArray(b.answers) ? (b.answers as (string | null)[]) : [];
      const alertsBefore = world.ui.alerts.length;
      world.ui.sidebar = null;
      const r = emulator().call(String(b.fn), [], String(b.user || defaultUser(world)));
      world.ui.pendingAnswers = [];
      return {
        ...rpcAnswer(r),
        alerts: world.ui.alerts.slice(alertsBefore),
        sidebar: world.ui.sidebar !== null,
      };
    },
    'POST /api/edit': (b) =>
      applyUserEdit(emulator(), {
        sheet: String(b.sheet ?? ''),
        a1: String(b.a1 ?? ''),
        value: b.value === null || b.value === undefined ? null : String(b.value),
        ...(Array.isArray(b.values) ? { values: b.values as (string | null)[][] } : {}),
        user: String(b.user || defaultUser(state.world)),
      }),
    'GET /api/workbook': () => workbookView(state.world),
    'GET /api/state': () => {
      const w = state.world;
      return {
        now: new Date(w.clock.now).toISOString(),
        timeZone: w.spreadsheet.timeZone,
        locale: w.spreadsheet.locale,
        name: w.spreadsheet.name,
        owner: w.spreadsheet.owner,
        team: teamOf(w),
        defaultUser: defaultUser(w),
        menus: w.ui.menus,
        triggers: w.triggers.length,
        outbox: w.outbox.length,
      };
    },
    'POST /api/open': (b) => {
      const user = String(b.user || defaultUser(state.world));
      const authMode = b.authMode === 'NONE' ? 'NONE' : 'LIMITED';
      const r = emulator().simpleTrigger('onOpen', { kind: 'open', user, authMode }, user, authMode);
      return { ...rpcAnswer(r), menus: state.world.ui.menus };
    },
    'POST /api/clock': (b) => {
      const now = Date.parse(String(b.now ?? ''));
      if (Number.isNaN(now)) throw new Error('`now` must be an ISO date-time.');
      state.world.clock.now = now;
      return { now: new Date(now).toISOString() };
    },
    'GET /api/triggers': () =>
      state.world.triggers.map((t) => ({
        uid: t.uid,
        handler: t.handler,
        owner: t.owner,
        eventType: t.eventType,
        clock: t.clock ?? null,
        lastRun: t.lastRun ? new Date(t.lastRun).toISOString() : null,
      })),
    'POST /api/triggers/run': (b) => {
      const emu = emulator();
      const scriptTz = readScriptTimeZone();
      if (!b.handler) {
        return runDueTriggers(emu, state.world.clock.now, scriptTz).map((f) => ({
          handler: f.handler,
          at: f.at,
          ...rpcAnswer(f.result),
        }));
      }
      const handler = String(b.handler);
      const installed = state.world.triggers.find((t) => t.handler === handler && t.eventType === 'CLOCK');
      const owner = installed?.owner ?? String(b.user || state.world.spreadsheet.owner);
      const trigger = installed ?? {
        uid: 'manual',
        handler,
        owner,
        eventType: 'CLOCK' as const,
        source: 'CLOCK' as const,
        sourceId: state.world.spreadsheet.id,
        minuteOffset: 0,
        createdAt: state.world.clock.now,
      };
      return [
        {
          handler,
          at: new Date(state.world.clock.now).toISOString(),
          ...rpcAnswer(runClockTrigger(emu, trigger, state.world.clock.now)),
        },
      ];
    },
    'GET /api/outbox': () =>
      state.world.outbox.map((m) => ({
        to: m.to,
        subject: m.subject,
        body: m.body,
        htmlBody: m.htmlBody,
        sentAt: m.sentAt,
      })),
    'GET /api/calls': () => state.world.executions[state.world.executions.length - 1] ?? null,
    'GET /api/logs': () => state.world.logs.slice(-200),
    'POST /api/reset': (b) => {
      const data = b.data === 'empty' ? 'empty' : 'sample';
      state.world = resetWorld({
        data,
        ...(typeof b.now === 'string' ? { now: b.now } : {}),
        ...(typeof b.timeZone === 'string' ? { timeZone: b.timeZone } : {}),
        ...(isLocale(b.locale) ? { locale: b.locale } : {}),
      });
      return { ok: true, now: new Date(state.world.clock.now).toISOString() };
    },
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (req.method === 'GET' && url.pathname === '/') return send(200, 'text/html; charset=utf-8', page);
      if (req.method === 'GET' && url.pathname === '/sidebar') {
        const html = sidebarPage(emulator(), url.searchParams.get('user') || defaultUser(state.world), shim);
        save();
        return html
          ? send(200, 'text/html; charset=utf-8', html)
          : send(500, 'text/plain; charset=utf-8', 'The sidebar did not open.');
      }
      const route = routes[`${req.method} ${url.pathname}`];
      if (!route)
        return send(404, 'application/json', JSON.stringify({ ok: false, error: { message: 'Not found' } }));
      const body = req.method === 'POST' ? await readBody(req) : {};
      const result = route(body, url);
      if (req.method === 'POST') save();
      send(200, 'application/json; charset=utf-8', JSON.stringify(result));
    } catch (e) {
      send(
        400,
        'application/json; charset=utf-8',
        JSON.stringify({ ok: false, error: { message: (e as Error).message } }),
      );
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(opts.port ?? 8080, host, resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readScriptTimeZone(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'appsscript.json'), 'utf8')).timeZone;
  } catch {
    return 'UTC';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  startPlayground({ port }).then(({ url }) => {
    console.log(`Task Sync playground: ${url}  (state in .playground/; POST /api/reset to start over)`);
  });
}
