// Picking Team members: a select of one person, and a scrollable checkbox list of several that leaves out the owner.
import { h, option } from './dom';

/** A <select> of the Team's names, with an empty "choose" entry unless a default is given. */
export function memberSelect(
  id: string,
  names: string[],
  selected: string | null,
  choose: string,
): HTMLSelectElement {
  const select = h('select', { id });
  if (selected === null || !names.includes(selected)) select.append(option('', choose, true));
  for (const name of names) select.append(option(name, name, name === selected));
  return select;
}

export interface PeoplePicker {
  element: HTMLElement;
  values(): string[];
  /** Leaves this person out (unchecked and disabled): the owner is never also a collaborator. */
  exclude(name: string): void;
}

export function peoplePicker(id: string, names: string[]): PeoplePicker {
  const boxes = names.map((name, i) => {
    const box = h('input', { type: 'checkbox', id: `${id}-${i}`, value: name });
    return { name, box, label: h('label', { class: 'check', for: box.id }, box, name) };
  });
  const element = h('div', { class: 'checks' }, ...boxes.map((b) => b.label));
  return {
    element,
    values: () => boxes.filter((b) => b.box.checked && !b.box.disabled).map((b) => b.name),
    exclude(name) {
      for (const b of boxes) {
        const out = b.name === name;
        if (out) b.box.checked = false;
        b.box.disabled = out;
        b.label.classList.toggle('excluded', out);
      }
    },
  };
}
