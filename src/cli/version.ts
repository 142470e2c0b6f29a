/** net's version, as `net -V`, `net -v`, `net --version` and `net version` print it. */
import { createRequire } from 'node:module';

/** The flags that print the version: the version is read only when one of them is given. */
export const VERSION_FLAGS: readonly string[] = ['-V', '-v', '--version'];

/** net's own package.json, looked for upwards: the build in dist/ and the bundle's chunks sit at different depths. */
export function readVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'net' && pkg.version) return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}
