/**
 * net sync and net merge through argv, in this process, on real journals and a bare repository for the remote:
 * setting up and joining, the merge rules as a user meets them (conflicts, removals, clocks a day apart, duplicates),
 * and the remote's failures (a changed file, a cut file, a newer net, another key). test/e2e/sync.e2e.test.ts covers
 * what only a process shows (kills, passphrases, exit codes as a shell sees them).
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/app/session.js';
import { summarize } from '../../src/core/summary.js';
import { findStoredSummary } from '../../src/store/doctor.js';
import type { Journal } from '../helpers/run-net.js';
import { addRemoteFile, changeRemoteFile, exported, listRemoteFiles, makeIdentityFile, makeRemote, removeRemoteFile, setUpOnce, twoMachines, type IdentityFile, type Remote } from '../helpers/sync.js';

/** Two machines and a remote, set up once; every test starts from the empty ones again (helpers/sync.ts). */
const machines = twoMachines();
let remote: Remote;
let key: IdentityFile;
let a: Journal;
let b: Journal;
beforeAll(() => void ({ remote, key, a, b } = machines));
const init = machines.init;

/** Jane's stored summary and one made again from every row of hers: the same, field by field, to the last bit. */
function storedAndMadeAgain(db: string): { stored: object; again: object; same: boolean } {
  const session = openSession(db, 'read', false);
  try {
    return session.read((store) => {
      const id = store.stmt("SELECT id FROM contacts WHERE name = 'Jane Doe'").pluck().get() as string;
      const stored = findStoredSummary(store, id)!.summary;
      const again = summarize(store.readContactRows(id), store.halfLifeDays());
      return { stored, again, same: (Object.keys(again) as (keyof typeof again)[]).every((k) => Object.is(stored[k], again[k])) };
    });
  } finally {
    session.close(false);
  }
}
/** Each machine syncs until both hold what the other wrote. */
function syncBoth(): void {
  for (const j of [a, b, a]) expect(j.run('sync')).toMatchObject({ code: 0, stderr: '' });
}

describe('net sync init', () => {
  it('a remote folder that does not exist: one line that says so and how to make one, exit 6, nothing set up', () => {
    a.run('add', 'Jane Doe');
    const before = a.dump();
    const missing = join(remote.dir, 'no-such.git');
    expect(a.run('sync', 'init', missing, '--identity', key.file)).toEqual({
      code: 6,
      stdout: '',
      stderr: `net: cannot reach the remote: repository '${missing}' does not exist; check the remote's address (a folder must hold a repository: git init --bare <folder> makes an empty one); the journal is unchanged\n`,
    });
    expect(a.dump()).toEqual(before);
    expect(a.run('sync', 'status').stdout).toMatch(/^Sync is not set up for this journal/);
  });

  it('publishes the first journal, and brings it down whole on a machine with an empty journal', () => {
    a.run('add', 'Jane Doe', '--company', 'Acme', '--email', 'jane@acme.example', '--tag', 'bni', '--service', 'home staging');
    a.run('log', 'jane', '--touch', 'coffee', '--gave', 'article', '--note', 'the pricing piece', '--next', 'in 2 weeks');
    a.run('deepen', 'jane', '--yes', 'trust');
    a.run('config', 'half-life', '1y');
    expect(init(a)).toMatchObject({ code: 0, stderr: '', stdout: `Published this journal to ${remote.url}: on another machine, net sync init ${remote.url} brings it down.\n` });
    const joined = init(b);
    expect(joined).toMatchObject({ code: 0, stderr: '' });
    expect(joined.stdout).toMatch(/^Joined .* as .*: 9 records in, 0 records out\.\n$/);
    expect(exported(b)).toBe(exported(a));
    expect(b.json('show', 'jane')).toEqual(a.json('show', 'jane'));
    expect(b.json('due', '--all')).toEqual(a.json('due', '--all'));
  });

  it('merges a journal with contacts of its own into the remote instead of overwriting either', () => {
    a.run('add', 'Jane Doe');
    b.run('add', 'Ravi Patel', '--email', 'ravi@example.com');
    b.run('log', 'ravi', '--touch', 'call');
    expect(init(a).code).toBe(0);
    expect(init(b)).toMatchObject({ code: 0, stdout: expect.stringMatching(/: 1 record in, 3 records out\.\n$/) });
    expect(a.run('sync').stdout).toMatch(/: 3 records in, 0 records out\.\n$/); // Ravi, his email and the call
    expect(exported(b)).toBe(exported(a));
    expect(a.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe', 'Ravi Patel']);
  });

  it('reports, as a machine with contacts of its own joins, each one the remote holds too (email in any case, or name)', () => {
    for (const [name, email] of [['Mia Wong', 'Mia.Wong@Example.com'], ['Ravi Patel', null], ['Jane Doe', 'jane@acme.example'], ['Omar Haddad', 'omar@one.example']] as const) {
      a.run('add', name, ...(email ? ['--email', email] : []));
    }
    b.run('add', 'Mia Chen', '--email', 'mia.wong@example.COM'); // another name, the same email
    b.run('add', 'Ravi Patel', '--phone', '+44 20 7946 0958'); // the same name
    b.run('add', 'Omar Haddad', '--email', 'omar@two.example'); // the same name, two different emails: not reported
    b.run('add', 'Lena Fischer');
    expect(init(a).code).toBe(0);
    const joined = b.json('sync', 'init', remote.url, '--identity', key.file);
    const pairs = joined.duplicates.map((d: { a: { name: string }; b: { name: string }; reason: string }) => [d.a.name, d.b.name, d.reason]);
    expect(pairs).toEqual([
      ['Mia Chen', 'Mia Wong', 'same-email'],
      ['Ravi Patel', 'Ravi Patel', 'same-name'],
    ]);
  });

  it('now and then writes a snapshot, so that a new machine loads it and replays only the batches after it', () => {
    const every2 = { env: { NET_SYNC_SNAPSHOT_EVERY: '2' } };
    a.run('add', 'Jane Doe');
    expect(init(a).code).toBe(0);
    for (const touch of ['call', 'coffee', 'email']) {
      a.run('log', 'jane', '--touch', touch);
      expect(a.runWith(every2, 'sync')).toMatchObject({ code: 0, stderr: '' });
    }
    const files = listRemoteFiles(remote.url).filter((f) => f.startsWith('machines/'));
    // the publish's snapshot (0) gave way to the one written with batch 2, which includes batches 1 and 2
    expect(files.map((f) => f.replace(/^machines\/[0-9a-f]{16}\//, '')).sort()).toEqual(['00000001.age', '00000002.age', '00000003.age', 'snapshot-00000002.age', 'snapshot-00000002.vv.age']);
    removeRemoteFile(remote, files.find((f) => f.endsWith('/00000001.age'))!); // not needed by a machine joining now
    expect(init(b)).toMatchObject({ code: 0, stderr: '' });
    expect(exported(b)).toBe(exported(a));
    expect(b.json('show', 'jane').timeline).toHaveLength(3);
  });

  it('says what is not pushed, the last sync and the machines, from the journal alone', () => {
    expect(a.json('sync', 'status')).toMatchObject({ set: false, remote: null, machines: [] });
    a.run('add', 'Jane Doe');
    init(a);
    init(b);
    b.run('add', 'Sam Lee');
    b.run('sync');
    a.run('add', 'Ravi Patel');
    a.run('log', 'ravi', '--touch', 'call');
    const status = a.json('sync', 'status');
    expect(status).toMatchObject({ set: true, remote: remote.url, keys: 'identity', syncedAt: '2026-11-22T12:00:00.000Z', unpushed: { records: 2, batches: 0 } });
    expect(status.machines).toHaveLength(1);
    a.run('sync');
    expect(a.json('sync', 'status')).toMatchObject({ unpushed: { records: 0, batches: 0 } });
    expect(a.json('sync', 'status').machines.map((m: { self: boolean }) => m.self).sort()).toEqual([false, true]);
    expect(a.run('sync', 'status').stdout).toMatch(/^Syncing with .* as .* \([0-9a-f]{16}\); files encrypted to your age identity file\.\nLast sync: 2026-11-22 12:00\.\nEverything is pushed\.\nMachines:\n/);
  });

  it('counts, for the machine that published the journal, its snapshot with its batches, on every machine', () => {
    const rows = (j: Journal) => j.json('sync', 'status').machines.map((m: { self: boolean; published: boolean; batches: number }) => [m.self, m.published, m.batches]);
    a.run('add', 'Jane Doe');
    init(a);
    expect(rows(a)).toEqual([[true, true, 1]]); // the journal it published
    expect(a.runWith({ runner: 'spawn' }, 'sync', 'status')).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/\(this machine\) {2}1 batch {7}/) });
    init(b);
    expect(rows(b).sort()).toEqual([[false, true, 1], [true, false, 0]]);
    a.run('log', 'jane', '--touch', 'call');
    a.run('sync');
    b.run('log', 'jane', '--touch', 'coffee');
    b.run('sync');
    a.run('sync');
    expect(rows(a).sort()).toEqual([[false, false, 1], [true, true, 2]]);
    expect(rows(b).sort()).toEqual([[false, true, 2], [true, false, 1]]);
  });

  it('knows the publisher of a remote set up before its header named it, from the snapshot of its publish', () => {
    a.run('add', 'Jane Doe');
    init(a);
    changeRemoteFile(remote, 'net-sync.json', (x) => Buffer.from(x.toString().replace(/,\s*"publisher": "[0-9a-f]+"/, '')));
    expect(listRemoteFiles(remote.url).filter((f) => f.endsWith('.age'))).toHaveLength(2); // snapshot 0 and its companion
    init(b);
    expect(b.json('sync', 'status').machines.find((m: { self: boolean }) => !m.self)).toMatchObject({ published: true, batches: 1 });
  });

  it('refuses what it cannot do: set up twice, sync before setting up, a stray word; the journal unchanged', () => {
    a.run('add', 'Jane Doe');
    expect(a.run('sync')).toMatchObject({ code: 2, stderr: 'net: sync is not set up for this journal; run net sync init <remote> first (README: One journal on every machine)\n' });
    expect(a.run('sync', 'init')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: net sync init needs the remote; /) });
    expect(a.run('sync', 'pull')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: net sync has no "pull"; /) });
    expect(init(a).code).toBe(0);
    const before = a.dump();
    expect(init(a)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: this journal already syncs with .*; run net sync; to use another remote .* add --start-over\n$/) });
    expect(a.dump()).toEqual(before);
  });

  it('refuses a remote that holds something else, and an identity that is not the remote\'s', async () => {
    a.run('add', 'Jane Doe');
    b.run('add', 'Sam Lee');
    const before = b.dump();
    const used = makeRemote();
    addRemoteFile(used, 'README.md', 'my notes\n');
    expect(b.run('sync', 'init', used.url, '--identity', key.file)).toMatchObject({ code: 6, stdout: '', stderr: expect.stringMatching(/^net: .* is not a net sync remote \(it holds other files\); give net sync init an empty git repository of its own\n$/) });
    used.cleanup();
    expect(b.dump()).toEqual(before);
    init(a);
    const other = await makeIdentityFile(remote.dir, 'other.key');
    expect(b.run('sync', 'init', remote.url, '--identity', other.file)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: .*other\.key is not the key of this remote; /) });
    expect(b.dump()).toEqual(before);
  });
});

describe('net sync: merging', () => {
  setUpOnce(() => machines.empty, machines.dirs, () => {
    a.run('add', 'Jane Doe', '--company', 'Acme');
    init(a);
    init(b);
  });

  it('unites what both machines logged and keeps the summaries true', () => {
    a.run('log', 'jane', '--touch', 'coffee');
    b.run('log', 'jane', '--gave', 'referral', '--value', '4', '--prospect', 'Tom Baker');
    syncBoth();
    expect(exported(b)).toBe(exported(a));
    expect(a.json('show', 'jane').timeline).toHaveLength(2);
    expect(a.run('doctor')).toMatchObject({ code: 0 });
    expect(b.run('doctor')).toMatchObject({ code: 0 });
  });

  it('keeps every summary equal, to the last bit, to one made from every row, when both log on the day of the last event', () => {
    // A sync extends the summary of a contact to whom it only added events (issue 19) when they all sort after the
    // day's others (b: a's calls and video after its own call); otherwise it makes it again from every row (a: b's
    // call before a's video; then the give, before the day's touchpoints).
    a.run('log', 'jane', '--touch', 'call');
    syncBoth();
    for (const kind of ['call', 'call', 'video']) a.run('log', 'jane', '--touch', kind);
    b.run('log', 'jane', '--touch', 'call');
    a.run('sync');
    b.run('sync');
    a.run('sync');
    b.run('log', 'jane', '--gave', 'article', '--value', '2');
    syncBoth();
    expect(a.json('show', 'jane').timeline).toHaveLength(6);
    expect(exported(b)).toBe(exported(a));
    for (const j of [a, b]) expect(storedAndMadeAgain(j.db)).toEqual({ stored: expect.any(Object), again: expect.any(Object), same: true });
  });

  it('keeps the later of two changes of one field, and reports the other value on both machines', () => {
    a.runWith({ now: '2026-11-23T09:00:00Z' }, 'edit', 'jane', '--company', 'Acme Homes');
    b.runWith({ now: '2026-11-23T10:00:00Z' }, 'edit', 'jane', '--company', 'Acme Realty');
    const first = a.run('sync');
    const second = b.run('sync');
    const line = /Jane Doe: company: kept "Acme Realty" \(.*, 2026-11-23 10:00\), not "Acme Homes" \(.*, 2026-11-23 09:00\)/;
    expect(first.stdout).toMatch(/Synced with .*: 0 records in, 1 record out\.\n$/);
    expect(second.stdout).toMatch(line);
    expect(a.run('sync').stdout).toMatch(line);
    expect(a.json('show', 'jane').contact.company).toBe('Acme Realty');
    expect(a.json('sync').conflicts).toEqual([]); // reported once, by the sync that met it
    expect(exported(b)).toBe(exported(a));
  });

  it('orders by the clock, not the wall clock: a machine a day behind that changes a field after syncing wins', () => {
    a.runWith({ now: '2026-11-22T12:00:00Z' }, 'edit', 'jane', '--company', 'Acme Homes');
    a.runWith({ now: '2026-11-22T12:00:00Z' }, 'sync');
    b.runWith({ now: '2026-11-21T12:00:00Z' }, 'sync');
    b.runWith({ now: '2026-11-21T12:05:00Z' }, 'edit', 'jane', '--company', 'Acme Realty');
    const synced = b.runWith({ now: '2026-11-21T12:05:00Z' }, 'sync');
    expect(synced.stdout).not.toMatch(/changed on two machines/);
    expect(a.runWith({ now: '2026-11-22T12:10:00Z' }, 'sync').stdout).not.toMatch(/changed on two machines/);
    expect(a.json('show', 'jane').contact.company).toBe('Acme Realty');
  });

  it('lets a later change win over a removal, and keeps a contact logged with while another machine removed them', () => {
    b.run('add', 'Ravi Patel');
    b.run('log', 'ravi', '--touch', 'call');
    syncBoth();
    a.runWith({ now: '2026-11-23T09:00:00Z' }, 'rm', 'jane', '--yes');
    b.runWith({ now: '2026-11-23T10:00:00Z' }, 'edit', 'jane', '--role', 'estate agent');
    a.runWith({ now: '2026-11-23T09:00:00Z' }, 'rm', 'ravi', '--yes');
    b.runWith({ now: '2026-11-23T08:00:00Z' }, 'log', 'ravi', '--touch', 'coffee', '--note', 'logged on the desktop');
    a.run('sync');
    const r = b.run('sync');
    expect(r.stdout).toContain('Kept, though removed on another machine:');
    expect(r.stdout).toMatch(/Jane Doe: removed on .*, but changed after that: kept \(net rm "Jane Doe" removes them\)/);
    expect(r.stdout).toMatch(/Ravi Patel: removed on .*, but 1 row of theirs written elsewhere meanwhile keep them \(net rm "Ravi Patel" removes them\)/);
    expect(a.run('sync').stdout).toMatch(/Jane Doe: removed on .*, but changed after that: kept/);
    expect(exported(b)).toBe(exported(a));
    expect(a.json('show', 'jane').contact.role).toBe('estate agent');
    expect(a.json('show', 'ravi').timeline.map((e: { note: string | null }) => e.note)).toEqual(['logged on the desktop']);
    expect(a.run('rm', 'ravi', '--yes').code).toBe(0);
    syncBoth();
    expect(b.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
  });

  it('shows one tag, one checklist answer and one important date when both machines add them', () => {
    a.run('edit', 'jane', '--tag', 'client', '--date-of', 'work anniversary=2019-05-01');
    a.runWith({ now: '2026-11-23T09:00:00Z' }, 'deepen', 'jane', '--yes', 'trust');
    b.run('edit', 'jane', '--tag', 'Client', '--date-of', 'Work Anniversary=2019-05-02');
    b.runWith({ now: '2026-11-23T10:00:00Z' }, 'deepen', 'jane', '--no', 'trust');
    syncBoth();
    expect(exported(b)).toBe(exported(a));
    const { facts, answers, dates } = a.dump() as { facts: any[]; answers: any[]; dates: any[] };
    expect(facts.filter((f) => f.kind === 'tag').map((f) => f.text)).toHaveLength(1);
    expect(answers.map((x) => [x.point, x.answer])).toEqual([['trust', 0]]); // the later answer
    expect(dates).toHaveLength(1);
    a.run('edit', 'jane', '--untag', 'client');
    syncBoth();
    expect((b.dump() as { facts: any[] }).facts.filter((f) => f.kind === 'tag')).toEqual([]);
  });

  it('reports the same person added on both machines, and net merge joins them keeping both histories', () => {
    a.run('add', 'Ravi Patel', '--phone', '+44 20 7946 0958', '--company', 'Patel Books');
    a.run('log', 'ravi', '--touch', 'coffee');
    b.run('add', 'Ravi Patel', '--phone', '+44 (20) 7946-0958', '--email', 'ravi@patel.example');
    b.run('log', 'ravi', '--gave', 'idea');
    a.run('sync');
    const r = b.json('sync');
    expect(r.duplicates).toMatchObject([{ reason: 'same-name-and-phone' }]);
    const [first, second] = [r.duplicates[0].a.id.slice(0, 8), r.duplicates[0].b.id.slice(0, 8)];
    // Until they are merged, the name says which two it could mean by id, and every command takes the id for a name.
    const ambiguous = b.run('show', 'ravi');
    expect(ambiguous).toMatchObject({ code: 4, stderr: expect.stringMatching(/^net: "ravi" could mean Ravi Patel \([0-9a-f]{8}\), Ravi Patel \([0-9a-f]{8}\); give the id in brackets\n$/) });
    expect([...ambiguous.stderr.matchAll(/\(([0-9a-f]{8})\)/g)].map((m) => m[1]).sort()).toEqual([first, second].sort());
    expect(b.json('show', first).contact).toMatchObject({ id: r.duplicates[0].a.id, name: 'Ravi Patel' });
    expect(b.run('log', second, '--touch', 'call')).toMatchObject({ code: 0, stderr: '' });
    expect(b.run('sync').code).toBe(0);
    const text = b.run('merge', first, second);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(/^Merged Ravi Patel \([0-9a-f]{8}\) into Ravi Patel \([0-9a-f]{8}\): 2 events moved\.\n/);
    syncBoth();
    expect(exported(b)).toBe(exported(a));
    expect(b.run('show', second)).toEqual({ code: 4, stdout: '', stderr: `net: no contact has the id ${second}; it may have been merged into another or removed; net --json list shows the ids\n` });
    const ravi = a.json('show', 'ravi');
    expect(ravi.timeline).toHaveLength(3);
    expect(ravi.contact).toMatchObject({ email: 'ravi@patel.example', company: 'Patel Books' });
  });
});

describe('net merge', () => {
  it('moves every row of the second contact to the first, fills what the first lacks, keeps the second email after the first', () => {
    a.run('add', 'Jane Doe', '--email', 'jane@acme.example', '--tag', 'bni');
    a.run('add', 'J. Doe', '--email', 'jd@home.example', '--role', 'agent', '--tag', 'BNI', '--tag', 'client');
    a.run('log', 'j. doe', '--touch', 'call', '--next', 'in 1 week');
    const r = a.json('merge', 'jane', 'j. doe');
    expect(r).toMatchObject({ removed: { name: 'J. Doe' }, moved: { events: 1, followUps: 1, facts: 1, points: 1 }, filled: ['role'], differing: [] });
    const dump = a.dump() as { contacts: any[]; contact_points: any[] };
    expect(dump.contacts).toMatchObject([{ name: 'Jane Doe', role: 'agent', email: 'jane@acme.example', note: null }]);
    expect(dump.contact_points.map((p) => [p.value, p.position])).toEqual([['jane@acme.example', 0], ['jd@home.example', 1]]);
    expect(a.run('merge', 'jane', 'nobody').code).toBe(4);
    expect(a.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
    expect(a.run('doctor').code).toBe(0);
  });

  it('refuses one contact twice, and an unknown one, changing nothing', () => {
    a.run('add', 'Jane Doe');
    const before = a.dump();
    expect(a.run('merge', 'jane', 'jane doe')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: "jane" and "jane doe" are the same contact, Jane Doe; /) });
    expect(a.run('merge', 'jane', 'nobody')).toMatchObject({ code: 4 });
    expect(a.dump()).toEqual(before);
  });
});

describe('net sync: a remote it cannot use', () => {
  setUpOnce(() => machines.empty, machines.dirs, () => {
    a.run('add', 'Jane Doe');
    init(a);
    init(b);
    a.run('log', 'jane', '--touch', 'coffee');
    a.run('sync');
  });

  const batchOfA = () => listRemoteFiles(remote.url).find((f) => /\/00000001\.age$/.test(f))!;

  it.each([
    ['a file changed by hand', (x: Buffer) => Buffer.concat([x.subarray(0, x.length - 20), Buffer.alloc(20, 1)]), /^net: machines\/[0-9a-f]{16}\/00000001\.age on the remote is damaged or was changed \(.*\); restore it from the remote's git history; the journal is unchanged\n$/],
    ['a file cut short', (x: Buffer) => x.subarray(0, x.length - 100), /^net: machines\/[0-9a-f]{16}\/00000001\.age on the remote is damaged or was changed \(.*\); restore it/],
  ])('%s: one line, exit 6, the journal unchanged', (_, change, message) => {
    changeRemoteFile(remote, batchOfA(), change);
    const before = b.dump();
    expect(b.run('sync')).toMatchObject({ code: 6, stdout: '', stderr: expect.stringMatching(message) });
    expect(b.dump()).toEqual(before);
  });

  it('a remote written by a newer net: one line, exit 6, the journal unchanged', () => {
    changeRemoteFile(remote, 'net-sync.json', (x) => Buffer.from(x.toString().replace(/"schema": \d+/, '"schema": 99')));
    const before = b.dump();
    expect(b.run('sync')).toMatchObject({ code: 6, stdout: '', stderr: expect.stringMatching(/^net: the remote was written by a newer net \(schema 99; this net knows up to \d+\); upgrade net on this machine, then run net sync again; the journal is unchanged\n$/) });
    expect(b.dump()).toEqual(before);
  });

  it('an unreachable remote: one line, exit 6, the journal unchanged', () => {
    const moved = `${remote.url}.moved`;
    renameSync(remote.url, moved);
    const before = b.dump();
    expect(b.run('sync')).toMatchObject({ code: 6, stdout: '', stderr: expect.stringMatching(/^net: cannot reach the remote: .*; check the network, the remote's address and your access to it/) });
    expect(b.dump()).toEqual(before);
    renameSync(moved, remote.url);
  });

  it('a batch taken off the remote, with a later one there: one line, exit 6, the journal unchanged', () => {
    a.run('log', 'jane', '--touch', 'call');
    a.run('sync');
    removeRemoteFile(remote, batchOfA());
    const before = b.dump();
    expect(b.run('sync')).toMatchObject({ code: 6, stdout: '', stderr: expect.stringMatching(/^net: a batch of machine [0-9a-f]{16} is missing from the remote \(number 1\); /) });
    expect(b.dump()).toEqual(before);
  });
});
