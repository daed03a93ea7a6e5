// Contract tests for HtmlService files and templates, and Utilities dates, parsing and sleep.
import { describe, expect, it } from 'vitest';
import { NOW, OWNER, scriptEmulator } from '../helpers/script';

const HTML = {
  Sidebar: '<div class="sidebar"><?= title ?></div>',
  Page: [
    '<h1><?= title ?></h1>',
    '<p><?!= raw ?></p>',
    '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
    '<?!= include("Style") ?>',
    '<footer><?= shout("done") ?></footer>',
  ].join(''),
  Style: '<style>.x { color: red; }</style>',
};

const CODE = `
function fileContent(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function shout(s) { return s.toUpperCase(); }
function render() {
  var t = HtmlService.createTemplateFromFile('Page');
  t.title = '<任务 & "同步">';
  t.raw = '<b>bold</b>';
  t.items = ['a<b', 'c'];
  return t.evaluate().getContent();
}
`;

const run = <T>(emu: ReturnType<typeof scriptEmulator>, fn: string, ...args: unknown[]) =>
  emu.callOk<T>(fn, args, OWNER);

describe('HtmlService', () => {
  it("createHtmlOutputFromFile('Sidebar') returns the file's content without evaluating scriptlets", () => {
    const emu = scriptEmulator(CODE, { html: HTML });
    expect(run(emu, 'fileContent', 'Sidebar')).toBe('<div class="sidebar"><?= title ?></div>');
  });

  it("a missing file throws 'No HTML file named X was found.'", () => {
    const emu = scriptEmulator(CODE, { html: HTML });
    const r = emu.call('fileContent', ['Missing'], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toBe('No HTML file named Missing was found.');
  });

  it('file names are case-sensitive', () => {
    const emu = scriptEmulator(CODE, { html: HTML });
    expect(emu.call('fileContent', ['sidebar'], OWNER).error?.message).toBe(
      'No HTML file named sidebar was found.',
    );
  });

  it('createTemplateFromFile runs <? ?>, escapes <?= ?>, leaves <?!= ?> raw, with template properties and global functions in scope', () => {
    const emu = scriptEmulator(CODE, { html: HTML });
    expect(run(emu, 'render')).toBe(
      [
        '<h1>&lt;任务 &amp; &quot;同步&quot;&gt;</h1>',
        '<p><b>bold</b></p>',
        '<ul><li>a&lt;b</li><li>c</li></ul>',
        '<style>.x { color: red; }</style>',
        '<footer>DONE</footer>',
      ].join(''),
    );
  });

  it('a scriptlet referring to an undefined name fails the evaluation, naming it', () => {
    const emu = scriptEmulator(
      "function go() { return HtmlService.createTemplateFromFile('Broken').evaluate().getContent(); }",
      { html: { Broken: '<p><?= notDefined ?></p>' } },
    );
    const r = emu.call('go', [], OWNER);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/notDefined/);
  });
});

describe('Utilities', () => {
  const UTIL = `
    function fmt(zone) { return Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd HH:mm EEE'); }
    function parse() { return Utilities.parseDate('2024-10-24 10:00', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm').getTime(); }
    function parseIsDate() { return Utilities.parseDate('2024-10-24', 'UTC', 'yyyy-MM-dd') instanceof Date; }
    function nap(ms) { var before = Date.now(); Utilities.sleep(ms); return [Date.now() - before, new Date().getTime()]; }
  `;

  it('formatDate renders the same instant in Asia/Shanghai and in UTC', () => {
    const emu = scriptEmulator(UTIL);
    expect(run(emu, 'fmt', 'Asia/Shanghai')).toBe('2024-10-24 10:00 Thu');
    expect(run(emu, 'fmt', 'UTC')).toBe('2024-10-24 02:00 Thu');
  });

  it('parseDate reads wall time in the given zone and returns a script-realm Date', () => {
    const emu = scriptEmulator(UTIL);
    expect(run(emu, 'parse')).toBe(NOW);
    expect(run(emu, 'parseIsDate')).toBe(true);
  });

  it('sleep advances the simulated clock (and returns at once)', () => {
    const emu = scriptEmulator(UTIL);
    const started = Date.now();
    expect(run(emu, 'nap', 60_000)).toEqual([60_000, NOW + 60_000]);
    expect(emu.world.clock.now).toBe(NOW + 60_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
