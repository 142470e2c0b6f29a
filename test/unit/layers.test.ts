/**
 * The layers of ../shared/STYLE.md, read from every import in src/: cli → app/ui → core; app → store → core; ui → core
 * (and the types of app's results, which its views take); nothing imports cli. core touches no node:* module, process,
 * chalk, inquirer, SQLite, commander or the clock. One door each: only ui/prompts.ts loads inquirer, only store/ loads
 * better-sqlite3, only cli/ loads commander, and no app or cli code reaches the database under the store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
type Layer = 'cli' | 'app' | 'ui' | 'core' | 'store';

/** Which layers each layer may import at run time; `types`: imported for their types only (erased from the build). */
const ALLOWED: Record<Layer, { runtime: Layer[]; types: Layer[] }> = {
  cli: { runtime: ['cli', 'app', 'ui', 'core'], types: [] },
  app: { runtime: ['app', 'store', 'core'], types: [] },
  ui: { runtime: ['ui', 'core'], types: ['app'] },
  store: { runtime: ['store', 'core'], types: [] },
  core: { runtime: ['core'], types: [] },
};

/** Packages with one home: the layer (or file) that alone may load them. */
const ONE_HOME: [pkg: RegExp, home: RegExp][] = [
  [/^@inquirer\//, /^ui\/prompts\.ts$/],
  [/^better-sqlite3$/, /^store\//],
  [/^commander$/, /^cli\//],
  [/^chalk$/, /^(ui|cli)\//],
];

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const FILES = listFiles(SRC).map((path) => ({ file: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Static imports and re-exports, dynamic import(), and require()s made with createRequire. */
function readImports(file: string, text: string): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) found.push({ file, spec: m[2]!, typeOnly: Boolean(m[1]) });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ file, spec: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/\)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ file, spec: m[1]!, typeOnly: false });
  return found;
}

const layerOf = (file: string) => file.split('/')[0] as Layer;
const IMPORTS = FILES.flatMap(({ file, text }) => readImports(file, text));
const internal = (i: Import) => i.spec.startsWith('.');
const target = (i: Import) => relative(SRC, resolve(SRC, dirname(i.file), i.spec));

describe('layers', () => {
  it('reads the imports of every source file', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(IMPORTS.filter(internal).length).toBeGreaterThan(300);
    expect(readImports('x.ts', "import type { A } from '../app/a.js';\nconst m = await import('./b.js');\nrequire('node:tty');\ncreateRequire(u)('node:fs');")).toEqual([
      { file: 'x.ts', spec: '../app/a.js', typeOnly: true },
      { file: 'x.ts', spec: './b.js', typeOnly: false },
      { file: 'x.ts', spec: 'node:fs', typeOnly: false },
    ]);
  });

  it('imports only along the layers: cli → app/ui → core, app → store → core, nothing imports cli', () => {
    const wrong = IMPORTS.filter(internal)
      .filter((i) => {
        const [from, to] = [layerOf(i.file), layerOf(target(i))];
        return !ALLOWED[from].runtime.includes(to) && !(i.typeOnly && ALLOWED[from].types.includes(to));
      })
      .map((i) => `${i.file} imports ${target(i)}${i.typeOnly ? ' (types)' : ''}`);
    expect(wrong).toEqual([]);
  });

  it('keeps core pure: no node:* module, process, clock, terminal, SQLite or command line', () => {
    const core = FILES.filter((f) => layerOf(f.file) === 'core');
    const wrongImports = IMPORTS.filter((i) => layerOf(i.file) === 'core' && !internal(i) && /^(node:|chalk$|@inquirer\/|better-sqlite3$|commander$)/.test(i.spec)).map((i) => `${i.file}: ${i.spec}`);
    const wrongCode = core.flatMap(({ file, text }) =>
      [/\bprocess\./, /\bDate\.now\(/, /new Date\(\)/].filter((re) => re.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map((re) => `${file}: ${re.source}`),
    );
    expect([...wrongImports, ...wrongCode]).toEqual([]);
  });

  it('loads inquirer, SQLite, commander and chalk each in its one home', () => {
    const wrong = IMPORTS.filter((i) => !internal(i) && !i.typeOnly)
      .filter((i) => ONE_HOME.some(([pkg, home]) => pkg.test(i.spec) && !home.test(i.file)))
      .map((i) => `${i.file}: ${i.spec}`);
    expect(wrong).toEqual([]);
  });

  it('lets no app or cli code reach the database under the store', () => {
    const wrong = FILES.filter((f) => ['app', 'cli'].includes(layerOf(f.file)) && /\bstore\.db\b|\bdb\.(transaction|pragma|prepare|exec|backup)\(/.test(f.text)).map((f) => f.file);
    expect(wrong).toEqual([]);
  });
});
