// Grouping rows by a key in one pass, shared by the daily jobs, the dashboard and the review.

/** Items by key, each group in input order; an item with several keys (a problem's recipients) is filed under each. */
export function groupBy<T>(
  items: Iterable<T>,
  key: (item: T) => string | readonly string[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    for (const name of typeof k === 'string' ? [k] : k) {
      const list = out.get(name);
      if (list) list.push(item);
      else out.set(name, [item]);
    }
  }
  return out;
}
