// npm test's first step: `npm run build`, unless the build is newer than everything it is made from, as it is right
// after `npm ci` (whose prepare step builds). A clean clone's `npm ci && npm test` (CI) then builds once, not twice:
// the second build took 10 s of the suite's 3 minutes (tsc, rolldown and the code cache's training runs). The build's
// last output is the code cache of the running node; without it, or with any source, the bundle's config, the
// generator the cache trains on, tsconfig.json or the package files newer than it or than the bundle, it builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const INPUTS = ['src', 'bench/generate.mjs', 'rolldown.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The latest modification time (ms) of a file, or of any file under a folder. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), 0);
}

function isStale() {
  const main = join(root, 'dist/bundle/main.cjs');
  const cache = join(root, 'dist/bundle/code-cache', `${process.version}-${process.arch}`);
  if (!existsSync(main) || !existsSync(cache) || readdirSync(cache).length === 0) return true;
  const built = Math.min(statSync(main).mtimeMs, newest(cache));
  return INPUTS.some((p) => existsSync(join(root, p)) && newest(join(root, p)) > built);
}

if (isStale()) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
