// The mailing journal in the document properties: which run is mailing today and whom each job has mailed, saved
// before every email — a run that dies never mails anyone twice, and a second firing leaves the mailing to the first.
import { messageOf } from '../core/errors';
import { readStoredList, writeStoredList } from './stored-list';

const JOURNAL_PROPERTY = 'taskSync.journal';

/** Apps Script ends every run within 6 minutes, so a claim older than this belongs to a run that has ended. */
const CLAIM_MS = 6.5 * 60_000;

interface Claim {
  day: string;
  run: string;
  since: number;
}

/** An older journal (one job, one value): `{ job, day, sent: [...] }`. */
function legacy(raw: Record<string, string>): { claim: Claim; sent: [string, string][] } | null {
  try {
    const v = JSON.parse(raw[JOURNAL_PROPERTY] ?? 'null');
    if (!v || Array.isArray(v) || typeof v.job !== 'string' || !Array.isArray(v.sent)) return null;
    return {
      claim: { day: String(v.day), run: '', since: 0 },
      sent: v.sent.map((to: unknown) => [v.job, String(to)]),
    };
  } catch {
    return null;
  }
}

export class Journal {
  private claim: Claim | null = null;
  private sent: [string, string][] = [];
  /** Why the journal could not be saved (null while it can). */
  failure: string | null = null;
  private readonly run: string;

  constructor(
    private readonly raw: Record<string, string>,
    private readonly today: string,
    private readonly now: number,
  ) {
    this.run = Utilities.getUuid();
    const old = legacy(raw);
    if (old) {
      this.claim = old.claim;
      this.sent = old.sent;
      return;
    }
    const [head, ...rest] = readStoredList(raw, JOURNAL_PROPERTY);
    const h = head as Partial<Claim> | undefined;
    if (h && typeof h.day === 'string' && typeof h.run === 'string' && typeof h.since === 'number') {
      this.claim = { day: h.day, run: h.run, since: h.since };
      this.sent = rest
        .filter((e): e is [string, string] => Array.isArray(e) && e.length === 2)
        .map(([j, t]) => [j, t]);
    }
  }

  /** Whom a job has mailed today by this journal (what a run that died sent before it could log it). */
  sentBy(job: string): Set<string> {
    if (this.claim?.day !== this.today) return new Set();
    return new Set(this.sent.filter(([j]) => j === job).map(([, to]) => to));
  }

  /** True when another run claimed the mailing and may still be alive. */
  heldElsewhere(): boolean {
    const c = this.claim;
    return c !== null && c.run !== '' && c.run !== this.run && this.now - c.since < CLAIM_MS;
  }

  /** Claims today's mailing for this run, keeping what a dead run of today sent. False when it cannot be saved. */
  take(): boolean {
    if (this.claim?.day !== this.today) this.sent = [];
    this.claim = { day: this.today, run: this.run, since: this.now };
    return this.save();
  }

  /**
   * Records an email before it is sent (a run that dies between the two must not send it again: at most once); false
   * when the journal cannot be saved, and the caller must record it elsewhere first.
   */
  record(job: string, to: string): boolean {
    this.sent.push([job, to]);
    return this.failure === null && this.save();
  }

  /** Withdraws a recorded email that MailApp refused. */
  forget(job: string, to: string): void {
    this.sent = this.sent.filter(([j, t]) => j !== job || t !== to);
    if (this.failure === null) this.save();
  }

  /** Removes the journal once the Notification Log holds everything it recorded. */
  clear(): void {
    try {
      writeStoredList(this.raw, JOURNAL_PROPERTY, null);
    } catch (e) {
      console.warn(`Task Sync: could not clear the mailing journal: ${messageOf(e)}`);
    }
  }

  private save(): boolean {
    try {
      writeStoredList(this.raw, JOURNAL_PROPERTY, [this.claim, ...this.sent]);
      return true;
    } catch (e) {
      this.failure = messageOf(e);
      return false;
    }
  }
}
