import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/app/ids.js';
import { newUrandomId } from '../../../src/cli/startup/urandom-ids.js';

describe.each([
  ['newUrandomId (the start-up maker)', newUrandomId],
  ['newId (node:crypto by default)', newId],
])('%s', (_, newId) => {
  it('makes version 4 UUIDs, all different, in and across batches', () => {
    const ids = Array.from({ length: 5000 }, newId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('spreads its bits: every hex digit of the random part turns up in every place', () => {
    const ids = Array.from({ length: 2000 }, newId);
    for (const at of [0, 7, 9, 15, 20, 24, 35]) expect(new Set(ids.map((id) => id[at])).size).toBe(16);
  });
});
