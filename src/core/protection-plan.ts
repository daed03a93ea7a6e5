// Which protections each sheet needs (SPEC §2.6, §2.4, §2.5) and how to get from the ones found to them.
import { columnLetter } from './letters';
import type { Locale } from './locale';
import { isOwnProtectionDescription, t } from './strings';
import type { SheetDef } from './templates';

export type EditorRule = 'admin' | 'adminAndManagers' | 'warning';

export interface ProtectionSpec {
  sheet: string;
  type: 'RANGE' | 'SHEET';
  /** A1 of a RANGE protection: `A1:L1` for a header, `A2:A` (open-ended) for a column. */
  range: string;
  description: string;
  rule: EditorRule;
}

export interface FoundProtection {
  sheet: string;
  type: 'RANGE' | 'SHEET';
  range: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export interface People {
  owner: string;
  admin: string;
  me: string;
  managers: string[];
}

/** The protections a sheet needs, given where its template columns are. */
export function expectedProtections(
  def: SheetDef,
  locale: Locale,
  sheet: string,
  positions: number[],
): ProtectionSpec[] {
  const width = Math.max(...positions);
  const out: ProtectionSpec[] = [];
  if (def.protection !== 'admin') {
    out.push({
      sheet,
      type: 'RANGE',
      range: `A1:${columnLetter(width)}1`,
      description: t('protection.header', locale),
      rule: 'admin',
    });
  }
  if (def.validated) {
    def.columns.forEach((c, i) => {
      if (!c.toolWritten) return;
      const letter = columnLetter(positions[i]!);
      out.push({
        sheet,
        type: 'RANGE',
        range: `${letter}2:${letter}`,
        description: t('protection.toolColumn', locale, {
          header: locale === 'en' ? c.header.en : c.header.zh,
        }),
        rule: 'warning',
      });
    });
  }
  if (def.protection !== 'none') {
    out.push({
      sheet,
      type: 'SHEET',
      range: '',
      description: t('protection.sheet', locale),
      rule: def.protection,
    });
  }
  return out;
}

/** Whether a protection found in the sheet already does what the spec asks. */
export function protectionSatisfies(found: FoundProtection, spec: ProtectionSpec, people: People): boolean {
  if (found.type !== spec.type || found.sheet !== spec.sheet || found.description !== spec.description)
    return false;
  if (spec.type === 'RANGE' && found.range !== spec.range) return false;
  if (spec.rule === 'warning') return found.warningOnly;
  if (found.warningOnly || found.domainEdit) return false;
  const required = spec.rule === 'adminAndManagers' ? [people.admin, ...people.managers] : [people.admin];
  const allowed = new Set([
    people.owner,
    people.admin,
    people.me,
    ...(spec.rule === 'adminAndManagers' ? people.managers : []),
  ]);
  const editors = new Set(found.editors);
  return (
    required.every((e) => e === people.owner || editors.has(e)) && found.editors.every((e) => allowed.has(e))
  );
}

export interface ProtectionPlan {
  /** Indexes (into `found`) of Task Sync's protections to remove: unmatched or wrong. */
  remove: number[];
  create: ProtectionSpec[];
}

/** Keeps every protection that satisfies a spec, recreates the rest; other people's protections are left alone. */
export function planProtections(
  expected: ProtectionSpec[],
  found: FoundProtection[],
  people: People,
): ProtectionPlan {
  const used = new Set<number>();
  const create: ProtectionSpec[] = [];
  for (const spec of expected) {
    const i = found.findIndex((f, idx) => !used.has(idx) && protectionSatisfies(f, spec, people));
    if (i >= 0) used.add(i);
    else create.push(spec);
  }
  const remove = found
    .map((f, i) => ({ f, i }))
    .filter(
      ({ f, i }) =>
        !used.has(i) &&
        isOwnProtectionDescription(f.description) &&
        expected.some((s) => s.sheet === f.sheet),
    )
    .map(({ i }) => i);
  return { remove, create };
}

/** The editors a new protection gets: required people added, everyone else on the file removed. */
export function editorsFor(spec: ProtectionSpec, people: People): string[] {
  if (spec.rule === 'warning') return [];
  return [
    ...new Set(spec.rule === 'adminAndManagers' ? [people.admin, ...people.managers] : [people.admin]),
  ].filter(Boolean);
}
