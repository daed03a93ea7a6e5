// Fake PropertiesService, MailApp, Session and Logger/console (LockService is in lock.ts).
import { formatDate } from '../model/datefmt';
import type { LogEntry } from '../world';
import { charge, gasError } from './context';
import { SIM_COST } from './cost';
import type { Env } from './env';

const VALUE_LIMIT = 9 * 1024;

/** Property limits count UTF-8 bytes (a CJK character is 3); TextEncoder does not exist in Apps Script. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
const STORE_LIMIT = 500 * 1024;

class Properties {
  constructor(private readonly store: Record<string, string>) {}
  private size(extra: Record<string, string>): number {
    let n = 0;
    for (const [k, v] of Object.entries({ ...this.store, ...extra })) n += utf8Length(k) + utf8Length(v);
    return n;
  }
  getProperty(key: string): string | null {
    return Object.hasOwn(this.store, key) ? this.store[key]! : null;
  }
  getProperties(): Record<string, string> {
    return { ...this.store };
  }
  getKeys(): string[] {
    return Object.keys(this.store);
  }
  setProperty(key: string, value: unknown): Properties {
    return this.setProperties({ [key]: value });
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(properties)) {
      const s = String(v);
      if (utf8Length(s) + utf8Length(k) > VALUE_LIMIT) throw gasError('Argument too large: value');
      next[k] = s;
    }
    if (deleteAllOthers) for (const k of Object.keys(this.store)) delete this.store[k];
    if (this.size(next) > STORE_LIMIT) {
      throw gasError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    Object.assign(this.store, next);
    return this;
  }
  deleteProperty(key: string): Properties {
    delete this.store[key];
    return this;
  }
  deleteAllProperties(): Properties {
    for (const k of Object.keys(this.store)) delete this.store[k];
    return this;
  }
}

export function makePropertiesService(env: Env): unknown {
  const { world, exec } = env;
  return env.track(
    {
      getScriptProperties: () => env.track(new Properties(world.properties.script), 'Properties'),
      getDocumentProperties: () => env.track(new Properties(world.properties.document), 'Properties'),
      getUserProperties: () => {
        world.properties.user[exec.effectiveUser] ??= {};
        return env.track(new Properties(world.properties.user[exec.effectiveUser]!), 'Properties');
      },
    },
    'PropertiesService',
  );
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
}

function recipients(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The mail quota day turns over in Pacific time. */
export function quotaDay(now: number): string {
  return formatDate(now, 'America/Los_Angeles', 'yyyy-MM-dd');
}

export function remainingQuota(env: Pick<Env, 'world'>): number {
  const { world } = env;
  return Math.max(0, world.config.mailDailyQuota - (world.mailUsed[quotaDay(world.clock.now)] ?? 0));
}

export function makeMailApp(env: Env): unknown {
  const { world, exec } = env;
  const send = (m: MailOptions) => {
    const all = [...recipients(m.to), ...recipients(m.cc), ...recipients(m.bcc)];
    if (all.length === 0) throw gasError('Failed to send email: no recipient');
    if (m.subject === undefined || m.body === undefined)
      throw gasError('Invalid argument: subject and body are required.');
    for (const r of all) if (!/^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/.test(r)) throw gasError(`Invalid email: ${r}`);
    if (remainingQuota(env) < all.length)
      throw gasError('Service invoked too many times for one day: email.');
    const day = quotaDay(world.clock.now);
    world.mailUsed[day] = (world.mailUsed[day] ?? 0) + all.length;
    world.outbox.push({
      to: m.to ?? '',
      cc: m.cc ?? '',
      bcc: m.bcc ?? '',
      subject: String(m.subject),
      body: String(m.body),
      htmlBody: m.htmlBody ? String(m.htmlBody) : '',
      name: m.name ?? '',
      replyTo: m.replyTo ?? '',
      from: m.noReply ? 'noreply@example.com' : exec.effectiveUser,
      sentAt: new Date(world.clock.now).toISOString(),
    });
    exec.emails++;
    exec.recipients += all.length;
    charge(world, exec, SIM_COST.email);
  };
  return env.track(
    {
      sendEmail: (a: string | MailOptions, subject?: string, body?: string, options?: MailOptions) => {
        if (typeof a === 'object' && a !== null) send(a);
        else
          send({
            ...options,
            to: String(a),
            subject: subject === undefined ? undefined : String(subject),
            body: body === undefined ? undefined : String(body),
          });
      },
      getRemainingDailyQuota: () => remainingQuota(env),
    },
    'MailApp',
  );
}

export function makeSession(env: Env, scriptTimeZone: string): unknown {
  const { exec, world } = env;
  const user = (email: string) => env.track({ getEmail: () => email, toString: () => email }, 'User');
  return env.track(
    {
      getActiveUser: () => user(exec.activeUser),
      getEffectiveUser: () => user(exec.effectiveUser),
      getScriptTimeZone: () => scriptTimeZone,
      getActiveUserLocale: () => world.spreadsheet.locale.split('_')[0] ?? 'en',
      getTemporaryActiveUserKey: () =>
        exec.activeUser ? `key-${exec.activeUser.replace(/[^a-z0-9]/gi, '')}` : '',
    },
    'Session',
  );
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function makeLoggers(env: Env) {
  const push = (level: LogEntry['level'], args: unknown[]) => {
    env.world.logs.push({
      at: new Date(env.world.clock.now).toISOString(),
      exec: env.exec.id,
      level,
      message: args.map(stringify).join(' '),
    });
    if (env.world.logs.length > 2000) env.world.logs.splice(0, env.world.logs.length - 2000);
  };
  const Logger = env.track(
    {
      log: (format: unknown, ...values: unknown[]) => {
        const text =
          typeof format === 'string' && values.length
            ? format.replace(/%s/g, () => stringify(values.shift()))
            : format;
        push('log', [text, ...values]);
        return Logger;
      },
    },
    'Logger',
  );
  const console = {
    log: (...a: unknown[]) => push('log', a),
    info: (...a: unknown[]) => push('info', a),
    warn: (...a: unknown[]) => push('warn', a),
    error: (...a: unknown[]) => push('error', a),
  };
  return { Logger, console };
}
