// Settings in document properties: one read per execution, one write when they change.
import { parseSettings, SETTINGS_PROPERTY, type Settings, serializeSettings } from '../core/settings';

export function readSettings(): Settings {
  return parseSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY));
}

export function writeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, serializeSettings(settings));
}
