// Fake Utilities: date formatting and parsing in real time zones, UUIDs, sleep on the simulated clock, base64.
import { formatDate, isValidTimeZone, parseDate } from '../model/datefmt';
import { gasError } from './context';
import { type Env, isDate } from './env';

export function makeUtilities(env: Env): unknown {
  const { world, host } = env;
  return env.track(
    {
      formatDate: (date: Date, timeZone: string, format: string) => {
        if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
          throw gasError("The parameters don't match the method signature for Utilities.formatDate.");
        }
        if (!isValidTimeZone(timeZone)) throw gasError(`Invalid argument: timeZone (${timeZone})`);
        return formatDate(date.getTime(), timeZone, format);
      },
      parseDate: (date: string, timeZone: string, format: string) => {
        if (!isValidTimeZone(timeZone)) throw gasError(`Invalid argument: timeZone (${timeZone})`);
        try {
          return new Date(parseDate(String(date), timeZone, format));
        } catch (e) {
          throw gasError((e as Error).message);
        }
      },
      getUuid: () => {
        const hex = Array.from({ length: 32 }, () => Math.floor(host.random() * 16).toString(16)).join('');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
      },
      sleep: (ms: number) => {
        world.clock.now += ms;
        env.exec.simMs += ms;
      },
      formatString: (template: string, ...args: unknown[]) =>
        template.replace(/%s/g, () => String(args.shift())),
    },
    'Utilities',
  );
}
