/**
 * The machines net sync status lists, and the label each goes by there and in a conflict's report: its host's name,
 * made "<name> (2)" when a machine of the remote already goes by it (two journals on one computer, as these two are).
 */
import { hostname } from 'node:os';
import { beforeAll, expect, it } from 'vitest';
import type { Journal } from '../helpers/run-net.js';
import { twoMachines } from '../helpers/sync.js';

const machines = twoMachines();
let a: Journal;
let b: Journal;
beforeAll(() => void ({ a, b } = machines));

const labelsOf = (j: Journal) =>
  (j.json('sync', 'status') as { machines: { label: string; self: boolean }[] }).machines.map((m) => [m.label, m.self]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));

it('a second machine of the same host name joins as "<name> (2)", and every machine then tells them apart', () => {
  const host = hostname();
  expect(a.run('add', 'Jane Doe')).toMatchObject({ code: 0 });
  expect(machines.init(a)).toMatchObject({ code: 0, stderr: '' });
  expect(machines.init(b)).toMatchObject({ code: 0, stderr: '' });
  expect(b.json('sync', 'status')).toMatchObject({ label: `${host} (2)` });
  expect(b.run('log', 'jane', '--touch', 'call')).toMatchObject({ code: 0 });
  expect(b.run('sync')).toMatchObject({ code: 0, stderr: '' });
  expect(a.run('sync')).toMatchObject({ code: 0, stderr: '' });
  expect(labelsOf(a)).toEqual([[host, true], [`${host} (2)`, false]]);
  expect(labelsOf(b)).toEqual([[host, false], [`${host} (2)`, true]]);
});

it('a machine that joined and has pushed nothing lists itself, with the machine it joined', () => {
  const host = hostname();
  expect(a.run('add', 'Jane Doe')).toMatchObject({ code: 0 });
  expect(machines.init(a)).toMatchObject({ code: 0, stderr: '' });
  expect(machines.init(b)).toMatchObject({ code: 0, stderr: '' });
  expect(b.json('sync', 'status')).toMatchObject({ unpushed: { records: 0, batches: 0 } });
  expect(labelsOf(b)).toEqual([[host, false], [`${host} (2)`, true]]);
  expect(b.run('sync', 'status').stdout).toContain(`${host} (2) (this machine)`);
});
