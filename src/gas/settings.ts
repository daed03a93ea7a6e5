// Document properties: the settings and the archive's ID high-water marks, read in one call per execution.
import { parseSettings, SETTINGS_PROPERTY, type Settings, serializeSettings } from '../core/settings';
import { readStoredList, writeStoredList } from './stored-list';

/** Highest task sequence archived per `<prefix><yyyy>` (so IDs stay unique without reading the archive). */
export const ARCHIVED_SEQ_PROPERTY = 'taskSync.archivedSeq';

/** The working day each job last finished: lets an hourly run with nothing due stop after two reads. */
export const JOB_RUNS_PROPERTY = 'taskSync.jobRuns';

/** The dashboard's charts as last inserted (types, titles, ranges): unchanged means they need no chart call. */
export const DASHBOARD_CHARTS_PROPERTY = 'taskSync.dashboardCharts';

export interface DocProps {
  settings: Settings;
  archivedSeq: Record<string, number>;
  jobRuns: Record<string, string>;
  dashboardCharts: string;
  /** Every property as read (the journal and other lists stored over several values are read from it). */
  raw: Record<string, string>;
}

/** The archived high-water marks, stored as [prefixYear, seq] pairs over as many values as they need. */
function parseArchivedSeq(raw: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of readStoredList(raw, ARCHIVED_SEQ_PROPERTY)) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'number') continue;
    out[e[0]] = Math.max(out[e[0]] ?? 0, e[1]);
  }
  return out;
}

/** A JSON object stored in a property, or {} when missing or damaged. */
function parseRecord<T>(json: string | undefined): Record<string, T> {
  try {
    const v = json ? JSON.parse(json) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, T>) : {};
  } catch {
    return {};
  }
}

export function readDocProps(): DocProps {
  const all = PropertiesService.getDocumentProperties().getProperties();
  return {
    settings: parseSettings(all[SETTINGS_PROPERTY]),
    archivedSeq: parseArchivedSeq(all),
    jobRuns: parseRecord<string>(all[JOB_RUNS_PROPERTY]),
    dashboardCharts: all[DASHBOARD_CHARTS_PROPERTY] ?? '',
    raw: all,
  };
}

export function readSettings(): Settings {
  return readDocProps().settings;
}

/** Saves the archived high-water marks (they only grow, so the list's pieces are safe to write one by one). */
export function writeArchivedSeq(raw: Record<string, string>, seqs: Record<string, number>): void {
  writeStoredList(raw, ARCHIVED_SEQ_PROPERTY, Object.entries(seqs));
}

/** Saves the jobs' last runs; it only saves reads, so properties too full to take it are logged, not fatal. */
export function writeJobRuns(runs: Record<string, string>): void {
  try {
    PropertiesService.getDocumentProperties().setProperty(JOB_RUNS_PROPERTY, JSON.stringify(runs));
  } catch (e) {
    console.warn(`Task Sync: could not save the jobs' last runs: ${String((e as Error)?.message ?? e)}`);
  }
}

export function writeDashboardCharts(signature: string): void {
  PropertiesService.getDocumentProperties().setProperty(DASHBOARD_CHARTS_PROPERTY, signature);
}

export function writeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, serializeSettings(settings));
}
