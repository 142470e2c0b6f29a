/**
 * Start-up trick: the bundle's files are loaded here rather than by node's CommonJS loader, each compiled from V8's
 * code cache that the build made (make-code-cache.ts). node 20 compiles every file from source at each start, and
 * then, lazily, each function a command calls; the cached code holds both (it is taken after the build's own runs of
 * the commands), so that V8 reads compiled code instead of parsing and compiling. A file's `require` of another
 * bundle file resolves to its path directly, without node's resolution, its stat and realpath calls and its package
 * scope look-ups; node's built-in modules come from process.getBuiltinModule.
 *
 * The cache is read only, from dist/bundle/code-cache/<node version>-<arch>/: net writes nothing at run time, and it
 * holds program code alone (made from a scratch journal at build time, never from a user's). V8 refuses the code of
 * another V8 version, flag set or source length, and the file is then compiled from its source as node would; the
 * folder is named by node's version and architecture, so that another node does not even read it. A rebuild
 * empties dist/bundle (rolldown's cleanDir) before the cache is made again. NET_NODE_LOADER=1 turns all of it off:
 * node's own loader then loads the bundle.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { Script } from 'node:vm';

/** What a bundle file's top level runs in, as node's CommonJS wrapper. */
type Wrapper = (this: unknown, exports: unknown, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

/*
 * The build writes each bundle file inside the function that runs it (rolldown.config.mjs: banner and footer), so
 * that the text read is the very source V8 compiles: the loader once added the function around each file's text,
 * which made a second copy of every file in the young heap at each start (about 130 KB of a command's 1,250, and
 * with the bundle in ASCII only, none of it in two bytes a character), copied again by the first scavenge. Run by this
 * loader, the file's value is the function (the top level's `this` is the global object); run by node's own loader
 * (NET_NODE_LOADER=1), `this` is the module's exports and the function is called at once, with node's arguments.
 */
export const BUNDLE_FILE_HEAD = '(f=>this===globalThis?f:f.call(this,exports,require,module,__filename,__dirname))(function(exports,require,module,__filename,__dirname){';
export const BUNDLE_FILE_TAIL = '\n})';

/** The folder of the code cache for the node that runs: V8's code is of one version and architecture. */
export const codeCacheDir = (bundleDir: string): string => join(bundleDir, 'code-cache', `${process.version}-${process.arch}`);

/**
 * The file a bundle file's `require(id)` names, as path.resolve(folder, id) gives it, worked out without node:path where
 * paths are written with "/": `net due` resolved 66 requires and joined 27 cache paths, and node:path's normalizeString,
 * called for each, became hot enough for V8 to optimize it on another thread (TurboFan): about 15 M instructions, 13%
 * of what `net due` runs above `node -e ''` and 18% for `show`, and the only function V8 optimized in `due`, `check`,
 * `show` or `log` on the heavy journal (--trace-opt). Resolving each distinct path once (30 calls) was not enough: 30
 * calls more made V8 optimize it again. `folder`: absolute, as resolve() writes it.
 */
export function bundleFileIn(folder: string, id: string): string {
  // rolldown's requires between the bundle's files: "./x.cjs", "./chunks/x.cjs" or "../x.cjs"
  const up = id.startsWith('../');
  const rest = up ? id.slice(3) : id.startsWith('./') ? id.slice(2) : '';
  const base = up ? folder.slice(0, folder.lastIndexOf('/')) : folder;
  const plain = sep === '/' && base !== '' && !folder.endsWith('/') && /^[^./][^/]*(\/[^./][^/]*)*$/.test(rest);
  return plain ? `${base}/${rest}` : resolve(folder, id);
}

/**
 * Runs `entry` (main.cjs, complete.cjs) of the bundle in `bundleDir`. With NET_CODE_CACHE_TRAIN=1 (the build's runs
 * alone: make-code-cache.ts) it writes, at exit, the code cache of every file it loaded, with every function the run
 * compiled; NET_CODE_CACHE_CHECK=1 tells on stderr, file by file, whether V8 took its cached code (for the tests).
 */
export function loadBundle(bundleDir: string, entry: string, env: NodeJS.ProcessEnv = process.env): void {
  const root = resolve(bundleDir);
  if (env.NET_NODE_LOADER === '1') {
    createRequire(join(root, entry))(join(root, entry));
    return;
  }
  const cacheDir = codeCacheDir(root);
  const train = env.NET_CODE_CACHE_TRAIN === '1';
  const check = env.NET_CODE_CACHE_CHECK === '1';
  const modules = new Map<string, { exports: unknown }>();
  const compiled: { file: string; script: Script }[] = [];
  let outside: NodeJS.Require | undefined;
  const requireOutside = (id: string) => process.getBuiltinModule(id) ?? (outside ??= createRequire(join(root, entry)))(id);
  const load = (file: string): unknown => {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    modules.set(file, module);
    const source = readFileSync(file, 'utf8');
    const name = file.slice(file.lastIndexOf(sep) + 1);
    const cache = `${cacheDir}${sep}${name}.v8`;
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cache);
    } catch {
      // none for this file or this node: compiled from its source
    }
    const script = new Script(source, { filename: file, cachedData });
    if (check) process.stderr.write(`code cache ${name}: ${!cachedData ? 'none' : script.cachedDataRejected ? 'refused' : 'used'}\n`);
    if (train) compiled.push({ file: cache, script });
    const folder = file.slice(0, file.lastIndexOf(sep));
    const wrapper = script.runInThisContext() as Wrapper | undefined;
    if (typeof wrapper !== 'function') throw new Error(`${file} was not built for net's loader: run npm run build`);
    wrapper.call(module.exports, module.exports, (id) => (id.startsWith('.') ? load(bundleFileIn(folder, id)) : requireOutside(id)), module, file, folder);
    return module.exports;
  };

  if (train) {
    process.once('exit', () => {
      mkdirSync(cacheDir, { recursive: true });
      for (const { file, script } of compiled) {
        writeFileSync(`${file}.tmp`, script.createCachedData());
        renameSync(`${file}.tmp`, file);
      }
    });
  }
  load(join(root, entry));
}
