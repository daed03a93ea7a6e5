// What went wrong, as text: an Error's message, or whatever else was thrown.

export function messageOf(e: unknown): string {
  return String((e as Error)?.message ?? e);
}
