// One read of each sheet the reports need, as records: the shared input of the jobs, the dashboard and the review.
import { type WorkingDays, workingDays } from '../core/calendar';
import type { DigestInput } from '../core/digest';
import { readSubtasks, readSyncRecords, readTasks } from '../core/records';
import type { Settings } from '../core/settings';
import { readProgressLog } from './notification-log';
import type { ActionSession } from './session';
import { readTable, type Table } from './tables';

export function calendarOf(settings: Settings): WorkingDays {
  return workingDays({
    kind: settings.calendar,
    extraHolidays: settings.extraHolidays,
    extraWorkdays: settings.extraWorkdays,
  });
}

interface Snapshot {
  input: DigestInput;
  tables: { overview: Table; progress: Table; sync: Table };
}

/** Four reads (overview, progress, sync, progress log) after the session's own. */
export function readSnapshot(s: ActionSession): Snapshot {
  const overview = readTable(s.byName, 'overview', s.locale);
  const progress = readTable(s.byName, 'progress', s.locale);
  const sync = readTable(s.byName, 'sync', s.locale);
  return {
    tables: { overview, progress, sync },
    input: {
      today: s.today,
      now: s.now,
      offset: s.offset,
      wd: calendarOf(s.settings),
      dueSoonDays: s.settings.dueSoonDays,
      members: s.members,
      tasks: readTasks(overview.values, overview.cols, s),
      subtasks: readSubtasks(progress.values, progress.cols, s),
      sync: readSyncRecords(sync.values, sync.cols, s),
      log: readProgressLog(s.byName, s.locale),
    },
  };
}
