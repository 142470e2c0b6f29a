/**
 * The loader of the bundle (src/cli/startup/load-bundle.ts) works out the file a `require` names without node:path,
 * so that V8 does not optimize node:path at every start. A file reached by two spellings of its path would be loaded
 * twice, with two copies of its state: the path must be path.resolve's, letter for letter, whatever the id.
 */
import fc from 'fast-check';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFileIn } from '../../../src/cli/startup/load-bundle.js';
import { runs } from '../../helpers/property-runs.js';

const segment = fc.stringMatching(/^[a-z0-9._-]{1,8}$/);
const folderArb = fc.array(segment, { maxLength: 5 }).map((parts) => resolve('/', ...parts));
// rolldown's ids, and ids with odd parts: dots, doubled slashes, a trailing slash, nothing after the prefix.
const idArb = fc.oneof(
  segment.map((s) => `./${s}.cjs`),
  segment.map((s) => `./chunks/${s}.cjs`),
  segment.map((s) => `../${s}.cjs`),
  fc.tuple(fc.constantFrom('./', '../', '.', '..', './/', '../../'), fc.stringMatching(/^[a-z./]{0,12}$/)).map(([p, s]) => p + s),
);

describe('bundleFileIn', () => {
  it("gives path.resolve's path for every id a bundle file may require", () => {
    fc.assert(
      fc.property(folderArb, idArb, (folder, id) => {
        expect(bundleFileIn(folder, id)).toBe(resolve(folder, id));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('resolves the bundle\'s own requires, from its folder and from its chunks', () => {
    expect(bundleFileIn('/opt/net/dist/bundle', './chunks/due-bu8rhVgg.cjs')).toBe('/opt/net/dist/bundle/chunks/due-bu8rhVgg.cjs');
    expect(bundleFileIn('/opt/net/dist/bundle/chunks', '../main.cjs')).toBe('/opt/net/dist/bundle/main.cjs');
    expect(bundleFileIn('/opt/net/dist/bundle/chunks', './rolldown-runtime-DbbDpzbe.cjs')).toBe('/opt/net/dist/bundle/chunks/rolldown-runtime-DbbDpzbe.cjs');
    expect(bundleFileIn('/', '../x.cjs')).toBe('/x.cjs');
  });
});
