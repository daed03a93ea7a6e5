// DOM helpers: elements are built with attributes and text nodes only, so no data is ever parsed as HTML.

type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes (false/undefined omitted, true as empty) and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/** A <button type="button"> that runs `onClick`. */
export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attrs }, label);
  node.addEventListener('click', onClick);
  return node;
}

/** A <label> wrapping its text and control, so the control is named by the text. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', {}, text), control);
}

/** Rough width in pixels of text set in a `px`-pixel font: CJK characters take about twice a Latin one. */
export function textWidth(text: string, px: number): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? px * 1.05 : px * 0.6;
  return width;
}
