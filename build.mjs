// Builds the Apps Script project into dist/: Code.js (IIFE + top-level forwarders), Sidebar.html (inlined), appsscript.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, 'dist');
/** Files are built beside dist/ and renamed into it one by one, so a concurrent reader never sees a half-built dist. */
const dist = path.join(root, `.dist-${process.pid}`);
const entry = path.join(root, 'src/entry/index.ts');
const GLOBAL = '__taskSync';

/** Names exported by the entry module (re-exports included), from an ESM metafile pass. */
async function entryExports() {
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const names = Object.values(probe.metafile.outputs).flatMap((o) => o.exports ?? []);
  if (names.length === 0)
    throw new Error('src/entry/index.ts exports nothing: Apps Script would see no functions.');
  const privateNames = names.filter((n) => n.endsWith('_'));
  if (privateNames.length) {
    throw new Error(
      `Exports ending in "_" are private in Apps Script and can never be called: ${privateNames.join(', ')}`,
    );
  }
  if (names.includes(GLOBAL)) throw new Error(`"${GLOBAL}" is reserved for the bundle's global name.`);
  return names.sort();
}

async function buildCode(names) {
  const footer = names
    .map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`)
    .join('\n');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minifySyntax: true,
    outfile: path.join(dist, 'Code.js'),
    banner: { js: '// Task Sync (任务同步) — built bundle. Source: src/. Do not edit.' },
    footer: { js: footer },
    logLevel: 'warning',
  });
}

/** The sidebar: main.ts and style.css bundled and inlined into index.html, so HtmlService serves one file. */
async function buildSidebar() {
  const dir = path.join(root, 'src/sidebar');
  const js = await build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const css = await build({
    entryPoints: [path.join(dir, 'style.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  const style = css.outputFiles[0].text.replace(/<\/style/gi, '<\\/style');
  const template = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const html = template
    .replace('<!-- inline:style -->', () => `<style>${style}</style>`)
    .replace('<!-- inline:script -->', () => `<script>${script}</script>`);
  if (html === template) throw new Error('src/sidebar/index.html lacks the inline markers.');
  fs.writeFileSync(path.join(dist, 'Sidebar.html'), html);
}

fs.mkdirSync(dist, { recursive: true });
try {
  const names = await entryExports();
  await Promise.all([buildCode(names), buildSidebar()]);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  fs.mkdirSync(out, { recursive: true });
  const built = fs.readdirSync(dist);
  for (const f of fs.readdirSync(out))
    if (!built.includes(f)) fs.rmSync(path.join(out, f), { recursive: true, force: true });
  for (const f of built) fs.renameSync(path.join(dist, f), path.join(out, f));
  const size = (f) => `${(fs.statSync(path.join(out, f)).size / 1024).toFixed(1)} KB`;
  console.log(
    `dist/Code.js ${size('Code.js')} (${names.length} functions) · dist/Sidebar.html ${size('Sidebar.html')}`,
  );
} finally {
  fs.rmSync(dist, { recursive: true, force: true });
}
