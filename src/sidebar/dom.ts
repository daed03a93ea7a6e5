// DOM helpers: elements are built from attributes and text nodes only, so user data is never parsed as HTML.

type Attr = string | number | boolean | null | undefined;
type Child = Node | string | null | undefined | false;

/** An element with attributes (false/null/undefined omitted, true as empty) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A <button type="button"> that runs `onClick`. */
export function button(
  label: string,
  onClick: () => void,
  attrs: Record<string, Attr> = {},
): HTMLButtonElement {
  const node = h('button', { type: 'button', ...attrs }, label);
  node.addEventListener('click', onClick);
  return node;
}

/** An <option>; `selected` marks the default. */
export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const node = h('option', { value }, label);
  node.selected = selected;
  return node;
}

let counter = 0;
/** A page-unique element id. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A small inline label such as 已逾期. */
export function badge(text: string, kind: 'warn' | 'info' | 'muted'): HTMLSpanElement {
  return h('span', { class: `badge badge-${kind}` }, text);
}

/** A grey line of facts (ID · due · owner); a short fact (a date, a name) is kept on one line. */
export function metaLine(parts: (string | null | false | undefined)[]): HTMLElement {
  const line = h('div', { class: 'meta' });
  parts
    .filter((p): p is string => Boolean(p))
    .forEach((part, i) => {
      if (i > 0) line.append(' · ');
      line.append(h('span', { class: part.length <= 16 ? 'fact' : null }, part));
    });
  return line;
}
