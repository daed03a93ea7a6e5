// Fake Ui: the add-on menu, sidebar, dialogs, alerts and prompts (answered from the world's queued answers).
import type { World } from '../world';
import { gasError } from './context';
import type { Env } from './env';

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

type MenuItem = World['ui']['menus'][number]['items'][number];

export class Menu {
  private readonly items: MenuItem[] = [];
  constructor(
    private readonly world: World,
    private readonly title: string,
  ) {}
  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this.items.push({ separator: true });
    return this;
  }
  addToUi(): void {
    this.world.ui.menus = this.world.ui.menus.filter((m) => m.title !== this.title);
    this.world.ui.menus.push({ title: this.title, items: [...this.items] });
  }
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
}

class PromptResponse {
  constructor(
    private readonly button: string,
    private readonly text: string,
  ) {}
  getSelectedButton(): string {
    return this.button;
  }
  getResponseText(): string {
    return this.text;
  }
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    private readonly env: Env,
    private readonly addonName: string,
  ) {}
  createAddonMenu(): Menu {
    return this.env.track(new Menu(this.env.world, this.addonName), 'Menu');
  }
  createMenu(caption: string): Menu {
    return this.env.track(new Menu(this.env.world, String(caption)), 'Menu');
  }
  showSidebar(html: HtmlLike): void {
    this.env.world.ui.sidebar = { title: html.getTitle(), html: html.getContent() };
  }
  showModalDialog(html: HtmlLike, title: string): void {
    this.env.world.ui.dialogs.push({ title: String(title), html: html.getContent(), modal: true });
  }
  showModelessDialog(html: HtmlLike, title: string): void {
    this.env.world.ui.dialogs.push({ title: String(title), html: html.getContent(), modal: false });
  }
  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); the answer comes from the queue. */
  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] =
      c !== undefined ? [a, b ?? '', c] : b !== undefined && b in ButtonSet ? ['', a, b] : ['', a, 'OK'];
    this.env.world.ui.alerts.push({ title, prompt, buttons });
    const answer = this.env.world.ui.pendingAnswers.shift();
    if (answer === null)
      return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? Button.NO : Button.CANCEL;
    if (answer === undefined && buttons !== 'OK') return Button.CLOSE;
    return buttons.startsWith('YES') ? Button.YES : Button.OK;
  }
  prompt(a: string, b?: string, c?: string): PromptResponse {
    const [title, prompt, buttons] =
      c !== undefined
        ? [a, b ?? '', c]
        : b !== undefined && b in ButtonSet
          ? ['', a, b]
          : ['', a, 'OK_CANCEL'];
    this.env.world.ui.alerts.push({ title, prompt, buttons });
    const answer = this.env.world.ui.pendingAnswers.shift();
    if (answer === undefined) return this.env.track(new PromptResponse(Button.CLOSE, ''), 'PromptResponse');
    if (answer === null) return this.env.track(new PromptResponse(Button.CANCEL, ''), 'PromptResponse');
    return this.env.track(
      new PromptResponse(buttons.startsWith('YES') ? Button.YES : Button.OK, answer),
      'PromptResponse',
    );
  }
}

/** getUi() outside a UI context (time trigger, plain run) throws like Apps Script. */
export function uiGetter(env: Env, addonName: string): () => Ui {
  let ui: Ui | null = null;
  return () => {
    if (!env.exec.ui) throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    ui ??= env.track(new Ui(env, addonName), 'Ui');
    return ui;
  };
}
