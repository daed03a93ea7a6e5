// Fake ScriptApp: installable triggers with Apps Script's limits (20 per user per script; add-on: one per type per document).
import type { ClockSpec, TriggerState } from '../world';
import { gasError } from './context';
import { type Env, isDate } from './env';

export const AuthMode = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_EDIT: 'ON_EDIT',
  ON_OPEN: 'ON_OPEN',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const;
export const TriggerSource = { CLOCK: 'CLOCK', SPREADSHEETS: 'SPREADSHEETS' } as const;
export const WeekDay = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export class Trigger {
  constructor(readonly state: TriggerState) {}
  getHandlerFunction(): string {
    return this.state.handler;
  }
  getUniqueId(): string {
    return this.state.uid;
  }
  getEventType(): string {
    return this.state.eventType;
  }
  getTriggerSource(): string {
    return this.state.source;
  }
  getTriggerSourceId(): string | null {
    return this.state.source === 'CLOCK' ? null : this.state.sourceId;
  }
}

function install(
  env: Env,
  partial: Pick<TriggerState, 'handler' | 'eventType' | 'source' | 'clock'>,
): unknown {
  const { world, exec, host } = env;
  const owner = exec.effectiveUser;
  const mine = world.triggers.filter((t) => t.owner === owner);
  if (mine.length >= 20) throw gasError(TOO_MANY_TRIGGERS);
  if (world.config.mode === 'addon') {
    if (mine.some((t) => t.eventType === partial.eventType && t.sourceId === world.spreadsheet.id)) {
      throw gasError(
        `(emulator) An editor add-on may hold only one ${partial.eventType} trigger per user per document; delete the existing one first.`,
      );
    }
  }
  const state: TriggerState = {
    ...partial,
    uid: String(1_000_000 + world.seq++),
    owner,
    sourceId: world.spreadsheet.id,
    minuteOffset: Math.floor(host.random() * 60),
    createdAt: world.clock.now,
  };
  world.triggers.push(state);
  return env.track(new Trigger(state), 'Trigger');
}

export class ClockTriggerBuilder {
  private spec: ClockSpec = {};
  constructor(
    private readonly env: Env,
    private readonly handler: string,
  ) {}
  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n))
      throw gasError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    if (this.env.world.config.mode === 'addon') {
      throw gasError('(emulator) Add-on time-driven triggers cannot run more frequently than once per hour.');
    }
    this.spec = { ...this.spec, everyMinutes: n };
    return this;
  }
  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw gasError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.spec = { ...this.spec, everyHours: n };
    return this;
  }
  everyDays(n: number): ClockTriggerBuilder {
    this.spec = { ...this.spec, everyDays: n };
    return this;
  }
  everyWeeks(n: number): ClockTriggerBuilder {
    this.spec = { ...this.spec, everyWeeks: n };
    return this;
  }
  atHour(hour: number): ClockTriggerBuilder {
    if (hour < 0 || hour > 23) throw gasError('Hour must be between 0 and 23.');
    this.spec = { ...this.spec, atHour: hour };
    return this;
  }
  nearMinute(minute: number): ClockTriggerBuilder {
    this.spec = { ...this.spec, nearMinute: minute };
    return this;
  }
  onWeekDay(day: string): ClockTriggerBuilder {
    this.spec = { ...this.spec, onWeekDay: String(day) };
    return this;
  }
  at(date: Date): ClockTriggerBuilder {
    if (!isDate(date))
      throw gasError(
        "The parameters (Object) don't match the method signature for ScriptApp.ClockTriggerBuilder.at.",
      );
    this.spec = { ...this.spec, at: date.getTime() };
    return this;
  }
  after(ms: number): ClockTriggerBuilder {
    this.spec = { ...this.spec, at: this.env.world.clock.now + ms };
    return this;
  }
  create(): unknown {
    const s = this.spec;
    if (!s.everyMinutes && !s.everyHours && !s.everyDays && !s.everyWeeks && s.at === undefined) {
      throw gasError(
        'The trigger needs a schedule: call everyMinutes, everyHours, everyDays, everyWeeks, at or after.',
      );
    }
    return install(this.env, { handler: this.handler, eventType: 'CLOCK', source: 'CLOCK', clock: { ...s } });
  }
}

export class SpreadsheetTriggerBuilder {
  private eventType: TriggerState['eventType'] | null = null;
  constructor(
    private readonly env: Env,
    private readonly handler: string,
  ) {}
  onEdit(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onOpen(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onChange(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): unknown {
    if (!this.eventType)
      throw gasError('Choose an event (onEdit, onOpen, onChange, onFormSubmit) before create().');
    return install(this.env, {
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      clock: undefined,
    });
  }
}

export class TriggerBuilder {
  constructor(
    private readonly env: Env,
    private readonly handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    return this.env.track(new ClockTriggerBuilder(this.env, this.handler), 'ClockTriggerBuilder');
  }
  forSpreadsheet(key: unknown): SpreadsheetTriggerBuilder {
    const id = typeof key === 'string' ? key : (key as { getId(): string }).getId();
    if (id !== this.env.world.spreadsheet.id)
      throw gasError('Add-ons can only create triggers for the file in which the add-on is used.');
    return this.env.track(new SpreadsheetTriggerBuilder(this.env, this.handler), 'SpreadsheetTriggerBuilder');
  }
}

export function makeScriptApp(env: Env): unknown {
  const { world, exec } = env;
  const wrap = (t: TriggerState) => env.track(new Trigger(t), 'Trigger');
  const app = {
    AuthMode,
    EventType,
    TriggerSource,
    WeekDay,
    newTrigger: (functionName: string) =>
      env.track(new TriggerBuilder(env, String(functionName)), 'TriggerBuilder'),
    /** The current user's triggers in this project. */
    getProjectTriggers: () => world.triggers.filter((t) => t.owner === exec.effectiveUser).map(wrap),
    getUserTriggers: (_doc: unknown) =>
      world.triggers
        .filter((t) => t.owner === exec.effectiveUser && t.sourceId === world.spreadsheet.id)
        .map(wrap),
    deleteTrigger: (trigger: { state?: TriggerState; getUniqueId?: () => string }) => {
      const uid = trigger.state?.uid ?? trigger.getUniqueId?.();
      const t = world.triggers.find((x) => x.uid === uid);
      if (!t) throw gasError('Trigger not found.');
      if (t.owner !== exec.effectiveUser) throw gasError('You can only delete your own triggers.');
      world.triggers = world.triggers.filter((x) => x.uid !== uid);
    },
    getScriptId: () => '1TaskSyncEmulatorScript',
  };
  return env.track(app, 'ScriptApp');
}
