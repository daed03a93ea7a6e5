// Fake Protection: range and sheet protections with editor lists, warning-only mode and Apps Script's editor rules.
import { canEditProtection, PROTECTED_MESSAGE, sheetById } from '../model/sheet-ops';
import type { ProtectionState, Rect } from '../world';
import { gasError } from './context';
import type { Env } from './env';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export interface ProtectionFactory {
  create(sheetId: number, type: 'RANGE' | 'SHEET', rect: Rect): Protection;
  wrap(sheetId: number, state: ProtectionState): Protection;
}

interface UserLike {
  getEmail(): string;
}
function emailOf(u: unknown): string {
  if (typeof u === 'string') return u;
  if (u && typeof (u as UserLike).getEmail === 'function') return (u as UserLike).getEmail();
  throw gasError('Invalid argument: user');
}

export function makeProtections(
  env: Env,
  rangeOf: (sheetId: number, rect: Rect) => unknown,
  userOf: (email: string) => unknown,
): ProtectionFactory {
  const factory: ProtectionFactory = {
    create(sheetId, type, rect) {
      const sheet = sheetById(env.world.spreadsheet, sheetId)!;
      if (type === 'SHEET') {
        const existing = sheet.protections.find((p) => p.type === 'SHEET');
        if (existing) return factory.wrap(sheetId, existing);
      }
      const state: ProtectionState = {
        id: env.world.seq++,
        type,
        rect: { ...rect },
        description: '',
        warningOnly: false,
        editors: null,
        domainEdit: false,
        unprotected: [],
      };
      sheet.protections.push(state);
      return factory.wrap(sheetId, state);
    },
    wrap(sheetId, state) {
      return env.track(new Protection(env, sheetId, state, rangeOf, userOf), 'Protection');
    },
  };
  return factory;
}

export class Protection {
  private readonly id: number;
  constructor(
    private readonly env: Env,
    private readonly sheetId: number,
    state: ProtectionState,
    private readonly rangeOf: (sheetId: number, rect: Rect) => unknown,
    private readonly userOf: (email: string) => unknown,
  ) {
    this.id = state.id;
  }

  /** Looked up by id each time: row shifts replace the stored objects. */
  private get state(): ProtectionState {
    const p = sheetById(this.env.world.spreadsheet, this.sheetId)?.protections.find((x) => x.id === this.id);
    if (!p) throw gasError('This protection has been removed.');
    return p;
  }

  private fileEditors(): string[] {
    return this.env.world.spreadsheet.editors;
  }
  /** Changing a protection needs the right to edit under it. */
  private mutable(): ProtectionState {
    const state = this.state;
    if (!canEditProtection(this.env.world.spreadsheet, state, this.env.exec.effectiveUser))
      throw gasError(PROTECTED_MESSAGE);
    return state;
  }
  private materialize(): string[] {
    const p = this.mutable();
    if (p.editors === null) p.editors = [...this.fileEditors()];
    return p.editors;
  }

  getProtectionType(): string {
    return this.state.type;
  }
  getDescription(): string {
    return this.state.description;
  }
  setDescription(description: string): Protection {
    this.mutable().description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.state.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.mutable().warningOnly = Boolean(warningOnly);
    return this;
  }
  canDomainEdit(): boolean {
    return this.state.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this.materialize();
    this.mutable().domainEdit = Boolean(editable);
    return this;
  }
  canEdit(): boolean {
    return canEditProtection(this.env.world.spreadsheet, this.state, this.env.exec.effectiveUser);
  }
  getEditors(): unknown[] {
    const ss = this.env.world.spreadsheet;
    const list = this.state.editors ?? this.fileEditors();
    return [...new Set([ss.owner, ...list])].map((e) => this.userOf(e));
  }
  addEditor(user: unknown): Protection {
    const list = this.materialize();
    const email = emailOf(user);
    if (!list.includes(email)) list.push(email);
    return this;
  }
  addEditors(emails: string[]): Protection {
    for (const e of emails) this.addEditor(e);
    return this;
  }
  /** Neither the owner nor the current user can be removed (Apps Script keeps them silently). */
  removeEditor(user: unknown): Protection {
    const list = this.materialize();
    const email = emailOf(user);
    const keep = new Set([this.env.world.spreadsheet.owner, this.env.exec.effectiveUser]);
    if (!keep.has(email)) this.mutable().editors = list.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: unknown[]): Protection {
    for (const u of users) this.removeEditor(u);
    return this;
  }
  getRange(): unknown {
    return this.rangeOf(this.sheetId, this.state.rect);
  }
  getUnprotectedRanges(): unknown[] {
    return this.state.unprotected.map((r) => this.rangeOf(this.sheetId, r));
  }
  setUnprotectedRanges(ranges: { rect: Rect }[]): Protection {
    if (this.state.type !== 'SHEET')
      throw gasError('Unprotected ranges can only be set on a sheet protection.');
    this.mutable().unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }
  remove(): void {
    this.mutable();
    const sheet = sheetById(this.env.world.spreadsheet, this.sheetId)!;
    sheet.protections = sheet.protections.filter((p) => p.id !== this.id);
  }
}
