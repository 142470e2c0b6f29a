/**
 * Keeps V8's compiled code of net's bundle between runs, as node 22 and later do with module.enableCompileCache():
 * compiling the program on every start costs node 20 about 6 ms of a command that should feel instant. On node 22+
 * this hands over to node's own cache; on node 20 it compiles the bundle's files with vm.Script, reusing the code
 * cached by an earlier run and saving, at exit, the code of any file that had none (it then holds every function
 * that run compiled). The cache holds net's program code only, never anything from the journal. Any failure to read or
 * write it is ignored: the command runs as it would without. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import Module from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;
interface ModuleInternals {
  enableCompileCache?: (dir: string) => unknown;
  prototype: { _compile: Compile };
}

/**
 * The folder of net's caches: $XDG_CACHE_HOME/net, else ~/.cache/net; undefined without a home. A relative path is
 * ignored (as the XDG spec says): it would put the cache in whatever folder net runs in.
 */
export function findCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const absolute = (p: string | undefined) => (p && isAbsolute(p) ? p : undefined);
  const home = absolute(env.HOME);
  const base = absolute(env.XDG_CACHE_HOME) ?? (home ? join(home, '.cache') : undefined);
  return base ? join(base, 'net', `code-${process.version}`) : undefined;
}

/**
 * The cache file of one source file. V8 checks cached code against the length of the source only, so the name must
 * change with the content: the bundle's file names carry their content's hash, and size and time are added for a file
 * changed in place.
 */
function toCacheFile(dir: string, filename: string): string {
  const st = statSync(filename);
  return join(dir, `${basename(filename)}@${st.size}-${Math.trunc(st.mtimeMs)}.v8`);
}

export function enableCompileCache(bundleDir: string, env: NodeJS.ProcessEnv): void {
  const dir = findCacheDir(env);
  if (!dir || env.NODE_DISABLE_COMPILE_CACHE) return;
  const internals = Module as unknown as ModuleInternals;
  if (internals.enableCompileCache) {
    internals.enableCompileCache(dir);
    return;
  }
  const compile = internals.prototype._compile;
  const unsaved: { script: Script; file: string }[] = [];
  internals.prototype._compile = function (this: Module, content: string, filename: string, ...rest: unknown[]) {
    if (!filename.startsWith(bundleDir)) return compile.call(this, content, filename, ...rest);
    let file: string | undefined;
    let cachedData: Buffer | undefined;
    try {
      file = toCacheFile(dir, filename);
      cachedData = readFileSync(file);
    } catch {
      // no cache yet
    }
    const script = new Script(Module.wrap(content), { filename, cachedData });
    if (file && (!cachedData || script.cachedDataRejected)) unsaved.push({ script, file });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (!unsaved.length) return;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const present = readdirSync(dir);
      for (const { script, file } of unsaved) {
        // The code of an earlier build of the same file is of no more use.
        const name = basename(file);
        const stem = name.slice(0, name.indexOf('@') + 1);
        for (const old of present) if (old !== name && old.startsWith(stem)) rmSync(join(dir, old), { force: true });
        // Written whole under another name, then renamed: a net starting meanwhile reads all of it or none.
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, file);
      }
    } catch {
      // a cache that cannot be written is only a slower start next time
    }
  });
}
