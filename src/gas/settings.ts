// Document properties: the settings and the archive's ID high-water marks, read in one call per execution.
import { parseSettings, SETTINGS_PROPERTY, type Settings, serializeSettings } from '../core/settings';

/** Highest task sequence archived per `<prefix><yyyy>` (so IDs stay unique without reading the archive). */
export const ARCHIVED_SEQ_PROPERTY = 'taskSync.archivedSeq';

/** Who a job mailed so far today, saved after every email so a run that dies half way never mails anyone twice. */
export const JOURNAL_PROPERTY = 'taskSync.journal';

export interface Journal {
  job: string;
  day: string;
  sent: string[];
}

/** The working day each job last finished: lets an hourly run with nothing due stop after two reads. */
export const JOB_RUNS_PROPERTY = 'taskSync.jobRuns';

export interface DocProps {
  settings: Settings;
  archivedSeq: Record<string, number>;
  journal: Journal | null;
  jobRuns: Record<string, string>;
}

function parseJournal(json: string | undefined): Journal | null {
  try {
    const v = json ? JSON.parse(json) : null;
    return v && typeof v.job === 'string' && typeof v.day === 'string' && Array.isArray(v.sent)
      ? (v as Journal)
      : null;
  } catch {
    return null;
  }
}

/** A JSON object stored in a property, or {} when missing or damaged. */
export function parseRecord<T>(json: string | undefined): Record<string, T> {
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
    archivedSeq: parseRecord<number>(all[ARCHIVED_SEQ_PROPERTY]),
    journal: parseJournal(all[JOURNAL_PROPERTY]),
    jobRuns: parseRecord<string>(all[JOB_RUNS_PROPERTY]),
  };
}

export function readSettings(): Settings {
  return readDocProps().settings;
}

export function writeJournal(journal: Journal | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (journal) props.setProperty(JOURNAL_PROPERTY, JSON.stringify(journal));
  else props.deleteProperty(JOURNAL_PROPERTY);
}

export function writeArchivedSeq(seqs: Record<string, number>): void {
  PropertiesService.getDocumentProperties().setProperty(ARCHIVED_SEQ_PROPERTY, JSON.stringify(seqs));
}

export function writeJobRuns(runs: Record<string, string>): void {
  PropertiesService.getDocumentProperties().setProperty(JOB_RUNS_PROPERTY, JSON.stringify(runs));
}

export function writeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, serializeSettings(settings));
}
