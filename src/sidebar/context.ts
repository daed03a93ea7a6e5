// What every tab shares: the current model, the locale's texts, the schemas' context, and a refresh of the model.
import { fill, type Locale } from '../core/locale';
import type { SchemaContext } from '../core/schemas';
import type { SidebarModel } from '../core/sidebar-model';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Ctx {
  /** The latest model (replaced on every refresh). */
  readonly model: SidebarModel;
  readonly locale: Locale;
  t: Translate;
  /** What the shared zod schemas need: the Team's names and the subtask limit. */
  schema(): SchemaContext;
  /** Whether the server lets this user act: on the Team, or an account Apps Script cannot identify. */
  canAct(): boolean;
  /** Fetches the model again (one getSidebarModel call) and re-renders the lists. */
  refresh(): Promise<void>;
}

/** Looks a text up in the model's strings and fills its `{name}` placeholders. */
export function translator(strings: Record<string, string>): Translate {
  return (key, params = {}) => fill(strings[key] ?? key, params);
}

export function schemaContext(model: SidebarModel): SchemaContext {
  return { members: model.members.map((m) => m.name), maxSubtasks: model.settings.maxSubtasks };
}

export function canAct(model: SidebarModel): boolean {
  return !model.me.known || model.me.name !== null;
}
