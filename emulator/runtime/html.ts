// Fake HtmlService: HTML files by project name, HtmlOutput, and templates with <? ?>, <?= ?> and <?!= ?> scriptlets.
import { gasError } from './context';
import type { Env } from './env';

export class HtmlOutput {
  private title = '';
  private width = 300;
  private height = 500;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  append(html: string): HtmlOutput {
    this.content += String(html);
    return this;
  }
  appendUntrusted(text: string): HtmlOutput {
    this.content += escapeHtml(String(text));
    return this;
  }
  clear(): HtmlOutput {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }
  setSandboxMode(_mode: string): HtmlOutput {
    return this;
  }
  setXFrameOptionsMode(_mode: string): HtmlOutput {
    return this;
  }
  setFaviconUrl(_url: string): HtmlOutput {
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.content = `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">${this.content}`;
    return this;
  }
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Compiles template text into the body of a function(__data, __out, __esc) run with `with (__data)`. */
export function compileTemplate(text: string): string {
  const parts: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push(`__out.push(${JSON.stringify(text.slice(last, m.index))});`);
    const code = m[2]!.trim();
    if (m[1] === '=') parts.push(`__out.push(__esc(${code}));`);
    else if (m[1] === '!=') parts.push(`__out.push(String(${code}));`);
    else parts.push(code);
    last = re.lastIndex;
  }
  if (last < text.length) parts.push(`__out.push(${JSON.stringify(text.slice(last))});`);
  return `with (__data) {\n${parts.join('\n')}\n}`;
}

export class HtmlTemplate {
  [key: string]: unknown;
  constructor(
    private readonly __raw: string,
    private readonly __make: (html: string) => HtmlOutput,
  ) {}
  getRawContent(): string {
    return this.__raw;
  }
  getCode(): string {
    return compileTemplate(this.__raw);
  }
  /** Runs the scriptlets in the script's own global scope, with the template's properties in scope. */
  evaluate(): HtmlOutput {
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (!k.startsWith('__')) data[k] = v;
    const out: string[] = [];
    const esc = (v: unknown) => escapeHtml(String(v));
    const fn = new Function('__data', '__out', '__esc', compileTemplate(this.__raw));
    fn(data, out, esc);
    return this.__make(out.join(''));
  }
}

export function makeHtmlService(env: Env): unknown {
  const file = (name: string): string => {
    const html = env.host.htmlFiles[String(name)];
    if (html === undefined) throw gasError(`No HTML file named ${name} was found.`);
    return html;
  };
  const output = (html: string) => env.track(new HtmlOutput(html), 'HtmlOutput');
  return env.track(
    {
      SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
      XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
      createHtmlOutput: (html?: string) => output(html === undefined ? '' : String(html)),
      createHtmlOutputFromFile: (name: string) => output(file(name)),
      createTemplate: (html: string) => env.track(new HtmlTemplate(String(html), output), 'HtmlTemplate'),
      createTemplateFromFile: (name: string) =>
        env.track(new HtmlTemplate(file(name), output), 'HtmlTemplate'),
    },
    'HtmlService',
  );
}
