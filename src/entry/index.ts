// The Apps Script surface: every export becomes a top-level function of dist/Code.js. Thin: no logic here.
import { buildMenu } from '../gas/menu';

export { archiveNow, restoreFromArchive, runArchive } from '../gas/archive';
export { refreshDashboard } from '../gas/dashboard';
export { handleEdit, onEdit } from '../gas/edit-handler';
export { runHealthCheck } from '../gas/health';
export { installDailyJobs } from '../gas/install';
export { runDailyDigest, runEscalation, runRollCall, runScheduledJobs, sendDigestNow } from '../gas/jobs';
export { setupSheets, showAbout } from '../gas/menu-actions';
export { updateProgress } from '../gas/progress';
export { generateReview, recordRetrospective } from '../gas/review';
export { getSettings, saveSettings } from '../gas/settings-actions';
export { getSidebarModel, openSidebar } from '../gas/sidebar';
export { addSyncRecord } from '../gas/sync-log';
export { acceptTask, cancelTask, createTask, rejectTask, submitForAcceptance } from '../gas/tasks';

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}
