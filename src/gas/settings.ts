// Document properties: the settings and the archive's ID high-water marks, read in one call per execution.
import { parseSettings, SETTINGS_PROPERTY, type Settings, serializeSettings } from '../core/settings';

/** Highest task sequence archived per `<prefix><yyyy>` (so IDs stay unique without reading the archive). */
export const ARCHIVED_SEQ_PROPERTY = 'taskSync.archivedSeq';

export interface DocProps {
  settings: Settings;
  archivedSeq: Record<string, number>;
}

export function parseArchivedSeq(json: string | undefined): Record<string, number> {
  try {
    const v = json ? JSON.parse(json) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function readDocProps(): DocProps {
  const all = PropertiesService.getDocumentProperties().getProperties();
  return {
    settings: parseSettings(all[SETTINGS_PROPERTY]),
    archivedSeq: parseArchivedSeq(all[ARCHIVED_SEQ_PROPERTY]),
  };
}

export function readSettings(): Settings {
  return readDocProps().settings;
}

export function writeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, serializeSettings(settings));
}
