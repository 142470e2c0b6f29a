/**
 * `net sync`: one journal on every machine, through a git remote the user owns, end-to-end encrypted.
 *
 *   remote (a git repository)                 what it holds
 *   net-sync.json                             plain: the format, the schema, how files are encrypted, the recipient,
 *                                             the machine that published the journal (its snapshot-00000000)
 *   key.age                                   the files' key, encrypted with the passphrase (passphrase mode only)
 *   machines/<id>/<seq>.age                   a machine's changes since its previous batch, encrypted
 *   machines/<id>/snapshot-<seq>.age          a machine's whole journal after its batch <seq>, encrypted, and
 *   machines/<id>/snapshot-<seq>.vv.age       what that snapshot includes of every machine's batches
 *
 * Each machine writes only files of its own, named by a random id and a number, so that pulls never conflict; no
 * name, note or email is in any file name or commit message. A sync pulls (fetch, then the working copy reset to the
 * remote), merges what other machines wrote (store/sync.ts, one transaction, recorded with what it applied), makes a
 * batch of what changed here (kept in the journal until pushed, so that it is written again, the same, after a kill),
 * and pushes; a push rejected because another machine pushed first pulls, merges and pushes again.
 *
 * The working copy, this machine's key and the sync lock live beside the journal in <journal>.sync/ (0700; the key
 * 0600), never in the journal itself: `net backup` and `net export` carry no key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SyncError, UsageError } from '../core/errors.js';
import { MACHINE_ID, isHlc, toHlcInstant, toHlcMachine, type Hlc } from '../core/hlc.js';
import type { DuplicateReason, SyncEntry, SyncValue } from '../core/sync.js';
import { LATEST_VERSION } from '../store/migrations.js';
import type { Store } from '../store/store.js';
import {
  countUnpushed,
  findContactNames,
  forgetUnpushed,
  groupByRecord,
  listMachines,
  listUnpushed,
  mergeIncoming,
  nextBatchSeq,
  noteMachine,
  readSeen,
  readSnapshot,
  readSyncState,
  saveUnpushed,
  setLabel,
  setSyncedAt,
  startCapture,
  stopCapture,
  takePending,
  toSnapshotEntries,
  type Incoming,
  type KeyMode,
  type MachineRow,
  type MergeReport,
  type SnapshotBody,
} from '../store/sync.js';
import { findSyncedTable } from '../store/sync-tables.js';
import type { Clock } from './clock.js';
import { commitAll, openWorkingCopy, pull, push, type GitOptions } from './git.js';
import { generateKey, readIdentityText, seal, toIdentityText, unseal, unwrapKey, wrapKey, type KeyPair } from './sync-crypto.js';
import { createExclusive, markDurably, writeFileSafely } from './write-file.js';

export const SYNC_FORMAT_VERSION = 1;
const HEADER = 'net-sync.json';
const KEY_FILE = 'key.age';
const MACHINES = 'machines';
/** A machine writes a snapshot with every this many batches of its own, so that a new machine replays few. */
export const SNAPSHOT_EVERY = 100;
const PUSH_ATTEMPTS = 5;

/** What a sync needs from the command line: the journal, the environment, and a way to ask for a passphrase. */
export interface SyncContext {
  /** The journal file. */
  journal: string;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  clock: Clock;
  now: Date;
  /** Asks a person for the passphrase: 'new' asks twice; throws when nobody can be asked. */
  askPassphrase(purpose: 'new' | 'existing'): Promise<string>;
  /** Called at each step (a seam for the tests that kill a sync between two steps). */
  checkpoint?(step: SyncStep): void;
  /** A snapshot with every this many batches of this machine's (SNAPSHOT_EVERY unless a test says fewer). */
  snapshotEvery?: number;
}

export type SyncStep = 'fetched' | 'merged' | 'prepared' | 'written' | 'committed' | 'pushed';

export interface SyncInput {
  /** `net sync init <remote>`: set up, publishing the journal (an empty remote) or joining (one net already uses). */
  init?: { remote: string; startOver: boolean };
  /** An age identity file: the files are encrypted to its recipient (instead of a key wrapped by a passphrase). */
  identityFile?: string;
}

export interface ConflictItem {
  contactId: string | null;
  contact: string | null;
  table: string;
  field: string;
  kept: SyncValue;
  lost: SyncValue;
  keptBy: string;
  lostBy: string;
  keptAt: string | null;
  lostAt: string | null;
}

export interface RemovalKeptItem {
  contactId: string;
  contact: string;
  removedBy: string;
  removedAt: string | null;
  rows: number;
}

export interface DuplicateItem {
  a: { id: string; name: string };
  b: { id: string; name: string };
  reason: DuplicateReason;
}

export interface SyncResult {
  action: 'published' | 'joined' | 'synced';
  remote: string;
  machine: string;
  label: string;
  /** Batches merged from other machines (a snapshot counts as one), and the records they added, changed, removed. */
  pulled: { batches: number; added: number; changed: number; removed: number };
  /** Records pushed in this machine's batch. */
  pushed: { records: number; batches: number };
  conflicts: ConflictItem[];
  removalsKept: RemovalKeptItem[];
  duplicates: DuplicateItem[];
  /** Milliseconds spent in git itself (fetch, commit, push), for the benchmark. */
  gitMs: number;
}

interface RemoteHeader {
  format: 'net-sync';
  version: number;
  schema: number;
  keys: KeyMode;
  recipient: string;
  /** The machine that published the journal (its snapshot 0): since net sync status counts it; absent before. */
  publisher?: string;
}

interface BatchFile {
  format: 'net-sync-batch';
  version: number;
  schema: number;
  machine: string;
  label: string;
  seq: number;
  hlc: Hlc;
  seen: Record<string, Hlc>;
  entries: SyncEntry[];
}

interface Coverage {
  seq: number;
  hlc: Hlc;
  label: string | null;
}

interface SnapshotFile {
  format: 'net-sync-snapshot';
  version: number;
  schema: number;
  machine: string;
  seq: number;
  covers: Record<string, Coverage>;
  body: SnapshotBody;
}

interface CoverFile {
  format: 'net-sync-covers';
  version: number;
  machine: string;
  seq: number;
  covers: Record<string, Coverage>;
}

// ---- local files ----------------------------------------------------------------------------------------------------

interface Local {
  folder: string;
  repo: string;
  identity: string;
  keyCopy: string;
  lock: string;
  /** There while net may have written files into the working copy that are not committed (see markWriting). */
  writing: string;
}

function localFiles(journal: string): Local {
  const folder = `${journal}.sync`;
  return { folder, repo: join(folder, 'repo'), identity: join(folder, 'identity'), keyCopy: join(folder, KEY_FILE), lock: join(folder, 'lock'), writing: join(folder, 'writing') };
}

/** The file of sync's key kept beside `journal` (an age identity file: `age -d -i` takes it). */
export const toSyncIdentityFile = (journal: string): string => localFiles(journal).identity;

/**
 * Said (on disk, before the first file is written into the working copy) until what was written is committed: a sync
 * killed in between leaves it, and the next pull then also runs `git clean` for the files left untracked; every
 * other pull skips that git process (issue 19: one of eight in an everyday sync).
 *
 * The mark is on the disk (its folder synced) before any file is written into the working copy, and those files are
 * not synced themselves (toWorkingCopy): after a crash, a file there that is damaged or left untracked is one that the
 * mark makes the next pull remove or restore from git, and the journal keeps what it held until its push succeeds.
 * Profiled (issue 19, strace of the everyday sync): eight fsyncs, four of them (each file and its folder) for the
 * mark and the batch, which now cost one.
 */
const markWriting = (local: Local) => markDurably(local.writing);
const doneWriting = (local: Local) => rmSync(local.writing, { force: true });

/** The sync folder's lock: one sync at a time per journal; a lock left by a sync that was killed is taken over. */
function takeLock(local: Local): () => void {
  mkdirSync(local.folder, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusive(local.lock, `${process.pid}\n`)) return () => rmSync(local.lock, { force: true });
    const pid = Number(readText(local.lock)?.trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new SyncError('another net sync is running for this journal', 'wait for it to finish (a sync from cron, perhaps) and run net sync again');
    }
    rmSync(local.lock, { force: true }); // left by a sync that was killed
  }
  throw new SyncError(`cannot take the sync lock ${local.lock}`, 'remove it if no net sync is running, and run net sync again');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const writePrivate = (file: string, bytes: Uint8Array | string) => writeFileSafely({ file, force: true, journal: null }, (write) => write(bytes));
/** A file of the working copy, written after markWriting: whole, but not synced to the disk (see markWriting). */
const toWorkingCopy = (file: string, bytes: Uint8Array | string) => writeFileSafely({ file, force: true, journal: null, durable: false }, (write) => write(bytes));

// ---- the remote's files -------------------------------------------------------------------------------------------

const pad = (seq: number) => String(seq).padStart(8, '0');
const batchPath = (machine: string, seq: number) => `${MACHINES}/${machine}/${pad(seq)}.age`;
const snapshotPath = (machine: string, seq: number) => `${MACHINES}/${machine}/snapshot-${pad(seq)}.age`;
const coversPath = (machine: string, seq: number) => `${MACHINES}/${machine}/snapshot-${pad(seq)}.vv.age`;

interface RemoteFiles {
  /** Per machine, the numbers of its batches and of its snapshots. */
  batches: Map<string, number[]>;
  snapshots: Map<string, number[]>;
}

function listRemote(repo: string): RemoteFiles {
  const batches = new Map<string, number[]>();
  const snapshots = new Map<string, number[]>();
  const root = join(repo, MACHINES);
  if (!existsSync(root)) return { batches, snapshots };
  for (const machine of readdirSync(root)) {
    if (!MACHINE_ID.test(machine)) continue;
    for (const file of readdirSync(join(root, machine))) {
      const b = /^(\d{8})\.age$/.exec(file);
      if (b) batches.set(machine, [...(batches.get(machine) ?? []), Number(b[1])]);
      const s = /^snapshot-(\d{8})\.age$/.exec(file);
      if (s) snapshots.set(machine, [...(snapshots.get(machine) ?? []), Number(s[1])]);
    }
  }
  for (const list of [...batches.values(), ...snapshots.values()]) list.sort((x, y) => x - y);
  return { batches, snapshots };
}

function readHeader(repo: string): RemoteHeader | undefined {
  const text = readText(join(repo, HEADER));
  if (text === undefined) return undefined;
  let h: RemoteHeader;
  try {
    h = JSON.parse(text) as RemoteHeader;
  } catch {
    throw new SyncError(`${HEADER} on the remote is damaged`, 'restore it from the remote\'s git history; the journal is unchanged');
  }
  if (h?.format !== 'net-sync' || typeof h.version !== 'number' || (h.keys !== 'passphrase' && h.keys !== 'identity') || typeof h.recipient !== 'string') {
    throw new SyncError(`${HEADER} on the remote is not what net writes`, 'restore it from the remote\'s git history; the journal is unchanged');
  }
  if (h.version > SYNC_FORMAT_VERSION || (typeof h.schema === 'number' && h.schema > LATEST_VERSION)) throw newerNet(h.schema);
  return h;
}

const newerNet = (schema: unknown) =>
  new SyncError(`the remote was written by a newer net (schema ${String(schema)}; this net knows up to ${LATEST_VERSION})`, 'upgrade net on this machine, then run net sync again; the journal is unchanged');

function parseJson<T>(bytes: Buffer, name: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new SyncError(`${name} on the remote is damaged (not what net wrote)`, 'restore it from the remote\'s git history; the journal is unchanged');
  }
}

const damaged = (name: string, what: string) => new SyncError(`${name} on the remote is damaged or was changed (${what})`, 'restore it from the remote\'s git history; the journal is unchanged');

/** A batch or snapshot's envelope: what this net can read, and the file it claims to be. */
function checkEnvelope(f: { format?: unknown; version?: unknown; schema?: unknown; machine?: unknown; seq?: unknown }, format: string, name: string, machine: string, seq: number): void {
  if (f.format !== format || typeof f.version !== 'number') throw damaged(name, 'not a file of net sync');
  if (f.version > SYNC_FORMAT_VERSION || (typeof f.schema === 'number' && f.schema > LATEST_VERSION)) throw newerNet(f.schema);
  if (f.machine !== machine || f.seq !== seq) throw damaged(name, 'its content belongs to another file');
}

function checkEntries(entries: unknown, name: string): SyncEntry[] {
  if (!Array.isArray(entries)) throw damaged(name, 'no changes');
  for (const e of entries as SyncEntry[]) {
    const t = e && typeof e === 'object' ? findSyncedTable(e.table) : undefined;
    if (!t || typeof e.id !== 'string' || !isHlc(e.hlc) || e.hlc === '') throw damaged(name, 'a change net cannot read');
    for (const [c, v] of Object.entries(e.values ?? {})) {
      if (!t.columns.includes(c) || (v !== null && typeof v !== 'string' && typeof v !== 'number')) throw damaged(name, 'a change net cannot read');
    }
  }
  return entries as SyncEntry[];
}

// ---- keys ---------------------------------------------------------------------------------------------------------

async function passphrase(ctx: SyncContext, purpose: 'new' | 'existing'): Promise<string> {
  const fromEnv = ctx.env.NET_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!ctx.interactive) {
    throw new SyncError('a passphrase is needed and there is no terminal to ask it on', 'set NET_PASSPHRASE, run the command on a terminal, or use --identity <file>', 2);
  }
  return ctx.askPassphrase(purpose);
}

async function readIdentityFile(file: string): Promise<KeyPair> {
  const text = readText(file);
  if (text === undefined) throw new SyncError(`cannot read the identity file ${file}`, 'give the path of an age identity file (age-keygen -o key.txt makes one)', 2);
  return readIdentityText(text, file);
}

/** This machine's key for the remote: kept beside the journal; else unwrapped again (passphrase) or read (--identity). */
async function loadKey(ctx: SyncContext, local: Local, header: RemoteHeader, input: SyncInput): Promise<KeyPair> {
  if (input.identityFile) {
    const key = await readIdentityFile(input.identityFile);
    if (key.recipient !== header.recipient) throw new SyncError(`${input.identityFile} is not the key of this remote`, `the remote's files are encrypted to ${header.recipient}: give the identity file of that recipient`, 2);
    return key;
  }
  const kept = readText(local.identity);
  if (kept !== undefined) {
    const key = await readIdentityText(kept, local.identity, true);
    if (key.recipient === header.recipient) return key;
  }
  if (header.keys === 'identity') throw new SyncError('this remote\'s files are encrypted to an age identity file', 'give it with --identity <file>', 2);
  const wrapped = readFileOrUndefined(join(local.repo, KEY_FILE));
  if (!wrapped) throw new SyncError(`the remote has no ${KEY_FILE}`, 'restore it from the remote\'s git history; the journal is unchanged');
  return unwrapKey(wrapped, await passphrase(ctx, 'existing'));
}

function readFileOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

// ---- the sync -----------------------------------------------------------------------------------------------------

const newMachineId = () => randomBytes(8).toString('hex');
const toLabel = () => (hostname() || 'this machine').slice(0, 80);
const encode = (value: unknown) => gzipSync(JSON.stringify(value));
const decode = <T>(bytes: Uint8Array) => JSON.parse(gunzipSync(bytes).toString('utf8')) as T;

const hasRecords = (store: Store) =>
  store.stmt('SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM settings)').pluck().get() === 1;

export async function runSync(store: Store, input: SyncInput, ctx: SyncContext): Promise<SyncResult> {
  const local = localFiles(ctx.journal);
  const fresh = !existsSync(local.folder);
  const release = takeLock(local);
  try {
    return await syncLocked(store, input, ctx, local);
  } catch (err) {
    // A first set-up that failed (git missing, a wrong passphrase), or a sync of a journal never set up for it, leaves
    // nothing beside the journal either.
    if (fresh && !store.read(() => readSyncState(store)).capture) rmSync(local.folder, { recursive: true, force: true });
    throw err;
  } finally {
    release();
  }
}

async function syncLocked(store: Store, input: SyncInput, ctx: SyncContext, local: Local): Promise<SyncResult> {
  let state = store.read(() => readSyncState(store));
  if (input.init) {
    if (state.capture && !input.init.startOver) {
      throw new UsageError(`this journal already syncs with ${state.remote}`, 'run net sync; to use another remote (or the same, set up again), add --start-over');
    }
  } else if (!state.capture || !state.remote) {
    throw new UsageError('sync is not set up for this journal', 'run net sync init <remote> first (README: One journal on every machine)');
  }
  const timing = { ms: 0 };
  const o: GitOptions = { dir: local.repo, env: ctx.env, interactive: ctx.interactive, timing };
  if (input.init) rmSync(local.repo, { recursive: true, force: true }); // a fresh working copy for a new remote
  const remote = openWorkingCopy(o, input.init?.remote ?? state.remote!);
  const report: MergeReport[] = [];
  let action: SyncResult['action'] = 'synced';
  let pulledBatches = 0;
  let pushedRecords = 0;
  let pushedBatches = 0;
  let key: KeyPair | undefined;
  /** The sync's end, in the caller's transaction: its time noted, and what it did. */
  const finish = (): SyncResult => {
    setSyncedAt(store, ctx.clock.timestamp);
    return toResult(store, { action, remote, state, report, pulledBatches, pushedRecords, pushedBatches, gitMs: Math.round(timing.ms) });
  };
  for (let attempt = 1; ; attempt++) {
    const hasBranch = pull(o, existsSync(local.writing));
    doneWriting(local); // the working copy is the remote's branch, nothing else
    ctx.checkpoint?.('fetched');
    const header = hasBranch ? readHeader(local.repo) : undefined;
    if (hasBranch && !header) throw new SyncError(`${remote} is not a net sync remote (it holds other files)`, 'give net sync init an empty git repository of its own');
    if (input.init && attempt === 1) {
      if (state.capture) store.tx(() => stopCapture(store)); // --start-over: this journal's records stay, its sync state goes
      if (!header) {
        key = await publish(store, input, ctx, local, remote);
        action = 'published';
      } else {
        key = await loadKey(ctx, local, header, input);
        await writeKey(local, key, header.keys === 'passphrase' ? readFileOrUndefined(join(local.repo, KEY_FILE)) : undefined);
        const pushExisting = store.read(() => hasRecords(store));
        store.tx(() => startCapture(store, { machine: newMachineId(), label: toLabel(), remote, keys: header.keys, recipient: header.recipient, startMs: ctx.now.getTime(), pushExisting }));
        action = 'joined';
      }
      state = store.read(() => readSyncState(store));
    }
    if (!header) {
      // An empty remote: the publish of this journal never reached it (killed, or its push refused). Publish it again.
      if (!store.read(() => listUnpushed(store)).some((u) => u.kind === 'snapshot' && u.seq === 0)) {
        throw new SyncError(`the remote ${remote} is empty: it was emptied or set up anew`, 'set it up again from one machine with net sync init <remote> --start-over, then join the others the same way');
      }
      markWriting(local);
      writeHeader(local, state);
    } else if (header.recipient !== state.recipient) {
      throw new SyncError('the remote was set up again with other keys', 'join it again with net sync init <remote> --start-over (your journal is kept and merged); the journal is unchanged');
    }
    key ??= header ? await loadKey(ctx, local, header, input) : await readKeptKey(local);
    if (header && !existsSync(local.identity)) await writeKey(local, key, header.keys === 'passphrase' ? readFileOrUndefined(join(local.repo, KEY_FILE)) : undefined);

    // Pull: everything other machines wrote since the last sync, merged with the record of what was applied; and this
    // machine's changes made a batch (kept in the journal until pushed), now and then with a snapshot: one transaction
    // for both, which a kill leaves whole or undone as it did each of them (issue 19: an everyday sync now commits
    // twice, here and after the push, where it committed four times).
    const incoming = await readIncoming(store, local, key, state.machine!);
    const remoteMax = listRemote(local.repo).batches.get(state.machine!)?.at(-1) ?? 0;
    const made = store.tx(() => {
      if (incoming.length) {
        report.push(mergeIncoming(store, incoming.map((i) => i.incoming)));
        for (const i of incoming) for (const m of i.covers) noteMachine(store, { ...m, at: ctx.clock.timestamp });
      }
      if (action === 'joined' && attempt === 1) state = keepLabelApart(store, state);
      return prepareBatch(store, state.machine!, state.label ?? toLabel(), remoteMax, ctx.snapshotEvery ?? SNAPSHOT_EVERY);
    });
    pulledBatches += incoming.length;
    pushedRecords += made;
    ctx.checkpoint?.('merged');
    ctx.checkpoint?.('prepared');
    const unpushed = store.read(() => listUnpushed(store));
    if (!unpushed.length) return store.tx(finish); // nothing of this machine's to push: git is not asked to commit
    markWriting(local);
    for (const u of unpushed) await writeUnpushed(local, state, key, u);
    ctx.checkpoint?.('written');
    commitAll(o, `net sync ${state.machine} ${unpushed.map((u) => pad(u.seq)).join(' ')}`);
    doneWriting(local); // committed: nothing in the working copy is untracked
    ctx.checkpoint?.('committed');
    if (push(o) === 'rejected') {
      if (attempt >= PUSH_ATTEMPTS) throw new SyncError('other machines kept pushing while this one tried', 'run net sync again in a moment; your changes are kept');
      continue; // pull what the other machine pushed, merge it, and push again
    }
    ctx.checkpoint?.('pushed');
    const last = unpushed.at(-1)!.seq;
    pushedBatches += unpushed.filter((u) => u.kind === 'batch').length;
    // What the push took is forgotten in the transaction that notes the sync's time.
    return store.tx(() => {
      forgetUnpushed(store, last);
      noteMachine(store, { machine: state.machine!, label: state.label, seq: last, hlc: readSyncState(store).hlc, at: ctx.clock.timestamp });
      return finish();
    });
  }
}

/**
 * A machine joining takes its host's name for its label; another machine already called so (a second journal on the
 * same computer, or two computers of one name) makes it "<name> (2)", or the next number free, so that net sync status
 * and a conflict's report tell them apart. Run once the remote's machines are known (after the join's merge).
 */
function keepLabelApart(store: Store, state: ReturnType<typeof readSyncState>): ReturnType<typeof readSyncState> {
  const taken = new Set(listMachines(store).filter((m) => m.machine !== state.machine).map((m) => m.label));
  const base = state.label ?? toLabel();
  if (!taken.has(base)) return state;
  let n = 2;
  while (taken.has(`${base} (${n})`)) n++;
  const label = `${base} (${n})`;
  setLabel(store, label);
  return { ...state, label };
}

/** The first machine: the remote's header and key, and a snapshot of the journal as it is (kept until pushed). `remote`: its address as git keeps it. */
async function publish(store: Store, input: SyncInput, ctx: SyncContext, local: Local, remote: string): Promise<KeyPair> {
  let key: KeyPair;
  let wrapped: Uint8Array | undefined;
  if (input.identityFile) {
    key = await readIdentityFile(input.identityFile);
  } else {
    const secret = await passphrase(ctx, 'new');
    key = await generateKey();
    wrapped = await wrapKey(key.identity, secret);
  }
  await writeKey(local, key, wrapped);
  const machine = newMachineId();
  const label = toLabel();
  store.tx(() => {
    startCapture(store, { machine, label, remote, keys: wrapped ? 'passphrase' : 'identity', recipient: key.recipient, startMs: ctx.now.getTime(), pushExisting: false });
    const state = readSyncState(store);
    saveUnpushed(store, 0, 'snapshot', encode(toSnapshotFile(store, machine, 0, state.hlc, label)));
    noteMachine(store, { machine, label, seq: 0, hlc: state.hlc, at: ctx.clock.timestamp });
  });
  markWriting(local);
  writeHeader(local, store.read(() => readSyncState(store)));
  return key;
}

function toSnapshotFile(store: Store, machine: string, seq: number, hlc: Hlc, label: string): SnapshotFile {
  const covers: Record<string, Coverage> = Object.fromEntries(listMachines(store).map((m) => [m.machine, { seq: m.seq, hlc: m.hlc, label: m.label }]));
  covers[machine] = { seq, hlc, label };
  return { format: 'net-sync-snapshot', version: SYNC_FORMAT_VERSION, schema: LATEST_VERSION, machine, seq, covers, body: readSnapshot(store) };
}

/** The key kept beside the journal (0600), and in passphrase mode a copy of the remote's key.age (for a new publish). */
async function writeKey(local: Local, key: KeyPair, wrapped: Uint8Array | undefined): Promise<void> {
  mkdirSync(local.folder, { recursive: true, mode: 0o700 });
  writePrivate(local.identity, toIdentityText(key, "net sync: this machine's key for the remote; keep it private"));
  if (wrapped) writePrivate(local.keyCopy, wrapped);
}

async function readKeptKey(local: Local): Promise<KeyPair> {
  const text = readText(local.identity);
  if (text === undefined) throw new SyncError(`this machine's key for the remote is missing (${local.identity})`, 'join again with net sync init <remote> --start-over');
  return readIdentityText(text, local.identity, true);
}

function writeHeader(local: Local, state: ReturnType<typeof readSyncState>): void {
  const header: RemoteHeader = { format: 'net-sync', version: SYNC_FORMAT_VERSION, schema: LATEST_VERSION, keys: state.keys!, recipient: state.recipient!, publisher: state.machine! };
  toWorkingCopy(join(local.repo, HEADER), `${JSON.stringify(header, null, 2)}\n`);
  const wrapped = readFileOrUndefined(local.keyCopy);
  if (state.keys === 'passphrase' && wrapped) toWorkingCopy(join(local.repo, KEY_FILE), wrapped);
}

/** The pending changes as the next batch, and with every `snapshotEvery` batches a snapshot; returns the records in it. */
function prepareBatch(store: Store, machine: string, label: string, remoteMax: number, snapshotEvery: number): number {
  const entries = takePending(store);
  if (!entries.length) return 0;
  const seq = nextBatchSeq(store, remoteMax);
  const state = readSyncState(store);
  const batch: BatchFile = { format: 'net-sync-batch', version: SYNC_FORMAT_VERSION, schema: LATEST_VERSION, machine, label, seq, hlc: state.hlc, seen: readSeen(store), entries };
  saveUnpushed(store, seq, 'batch', encode(batch));
  if (seq % snapshotEvery === 0) saveUnpushed(store, seq, 'snapshot', encode(toSnapshotFile(store, machine, seq, state.hlc, label)));
  return new Set(entries.map((e) => `${e.table}\u0000${e.id}`)).size;
}

/**
 * Writes a batch (or snapshot) made but not pushed into the working copy, unless the remote has it already. The pull
 * made the working copy exactly the remote's branch, so a file there is one the remote holds: no git process asks.
 */
async function writeUnpushed(local: Local, state: ReturnType<typeof readSyncState>, key: KeyPair, u: { seq: number; kind: 'batch' | 'snapshot'; body: Uint8Array }): Promise<void> {
  const machine = state.machine!;
  const path = u.kind === 'batch' ? batchPath(machine, u.seq) : snapshotPath(machine, u.seq);
  if (existsSync(join(local.repo, path))) return;
  mkdirSync(join(local.repo, MACHINES, machine), { recursive: true, mode: 0o700 });
  const plain = gunzipSync(u.body);
  toWorkingCopy(join(local.repo, path), await seal(plain, key));
  if (u.kind === 'snapshot') {
    const snapshot = JSON.parse(plain.toString('utf8')) as SnapshotFile;
    const covers: CoverFile = { format: 'net-sync-covers', version: SYNC_FORMAT_VERSION, machine, seq: u.seq, covers: snapshot.covers };
    toWorkingCopy(join(local.repo, coversPath(machine, u.seq)), await seal(JSON.stringify(covers), key));
    // This machine's older snapshots: the new one includes them (git's history keeps them).
    for (const old of listRemote(local.repo).snapshots.get(machine) ?? []) {
      if (old === u.seq) continue;
      rmSync(join(local.repo, snapshotPath(machine, old)), { force: true });
      rmSync(join(local.repo, coversPath(machine, old)), { force: true });
    }
  }
}

interface IncomingFile {
  incoming: Incoming;
  /** What merging it applies, per machine. */
  covers: { machine: string; label: string | null; seq: number; hlc: Hlc }[];
}

/**
 * What other machines wrote that this journal has not applied: for a machine that never synced, the snapshot that
 * includes the most, then every later batch of every machine, each checked (decrypted, its envelope read, numbers
 * without gaps) before anything is merged.
 */
async function readIncoming(store: Store, local: Local, key: KeyPair, self: string): Promise<IncomingFile[]> {
  const files = listRemote(local.repo);
  const applied = new Map(store.read(() => listMachines(store)).map((m) => [m.machine, m.seq]));
  const out: IncomingFile[] = [];
  const start = new Map<string, number>();
  // A machine that has merged nothing yet (it just joined) starts from a snapshot; the first machine knows itself.
  if (!store.read(() => listMachines(store)).length) {
    const best = await pickSnapshot(local, key, files, self);
    if (best) {
      out.push(best.file);
      for (const [m, c] of Object.entries(best.covers)) start.set(m, c.seq);
    }
  }
  for (const [machine, seqs] of files.batches) {
    const from = Math.max(applied.get(machine) ?? 0, start.get(machine) ?? 0);
    const wanted = seqs.filter((s) => s > from);
    wanted.forEach((s, i) => {
      if (s !== from + i + 1) throw new SyncError(`a batch of machine ${machine} is missing from the remote (number ${from + i + 1})`, 'restore it from the remote\'s git history; the journal is unchanged');
    });
    for (const seq of wanted) {
      const name = batchPath(machine, seq);
      const batch = parseJson<BatchFile>(await unseal(readFileSync(join(local.repo, name)), key.identity, name), name);
      checkEnvelope(batch, 'net-sync-batch', name, machine, seq);
      if (!isHlc(batch.hlc) || typeof batch.seen !== 'object' || batch.seen === null) throw damaged(name, 'no clock');
      out.push({ incoming: { seen: batch.seen, records: groupByRecord(checkEntries(batch.entries, name)) }, covers: [{ machine, label: typeof batch.label === 'string' ? batch.label : null, seq, hlc: batch.hlc }] });
    }
  }
  return out;
}

/** Of the snapshots on the remote, the one that includes the most batches, with what it includes. */
async function pickSnapshot(local: Local, key: KeyPair, files: RemoteFiles, self: string): Promise<{ file: IncomingFile; covers: Record<string, Coverage> } | undefined> {
  let best: { machine: string; seq: number; covers: Record<string, Coverage>; total: number } | undefined;
  for (const [machine, seqs] of files.snapshots) {
    if (machine === self) continue;
    const seq = seqs.at(-1)!;
    const name = coversPath(machine, seq);
    const covers = parseJson<CoverFile>(await unseal(readFileSync(join(local.repo, name)), key.identity, name), name);
    checkEnvelope({ ...covers, schema: 0 }, 'net-sync-covers', name, machine, seq);
    const total = Object.values(covers.covers).reduce((n, c) => n + c.seq + 1, 0);
    if (!best || total > best.total) best = { machine, seq, covers: covers.covers, total };
  }
  if (!best) return undefined;
  const name = snapshotPath(best.machine, best.seq);
  const snapshot = parseJson<SnapshotFile>(await unseal(readFileSync(join(local.repo, name)), key.identity, name), name);
  checkEnvelope(snapshot, 'net-sync-snapshot', name, best.machine, best.seq);
  if (JSON.stringify(snapshot.covers) !== JSON.stringify(best.covers)) throw damaged(name, 'it does not include what its companion file says');
  const seen = Object.fromEntries(Object.entries(snapshot.covers).map(([m, c]) => [m, c.hlc]));
  const covers = Object.entries(snapshot.covers).map(([machine, c]) => ({ machine, label: c.label, seq: c.seq, hlc: c.hlc }));
  return { file: { incoming: { seen, records: toSnapshotEntries(snapshot.body) }, covers }, covers: snapshot.covers };
}

// ---- what sync says -------------------------------------------------------------------------------------------------

interface ResultParts {
  action: SyncResult['action'];
  remote: string;
  state: ReturnType<typeof readSyncState>;
  report: MergeReport[];
  pulledBatches: number;
  pushedRecords: number;
  pushedBatches: number;
  gitMs: number;
}

function toResult(store: Store, p: ResultParts): SyncResult {
  const labels = new Map(listMachines(store).map((m) => [m.machine, m.label ?? m.machine]));
  if (p.state.machine) labels.set(p.state.machine, p.state.label ?? p.state.machine);
  const labelOf = (h: Hlc) => labels.get(toHlcMachine(h)) ?? (toHlcMachine(h) || 'before sync');
  const conflicts = p.report.flatMap((r) => r.conflicts);
  const removals = p.report.flatMap((r) => r.removalsKept);
  const duplicates = p.report.flatMap((r) => r.duplicates);
  const names = findContactNames(store, [...conflicts.map((c) => c.contactId ?? ''), ...removals.map((r) => r.contactId), ...duplicates.flatMap((d) => [d.a, d.b])].filter(Boolean));
  const sum = (k: 'added' | 'changed' | 'removed') => p.report.reduce((n, r) => n + r[k], 0);
  return {
    action: p.action,
    remote: p.remote,
    machine: p.state.machine!,
    label: p.state.label ?? '',
    pulled: { batches: p.pulledBatches, added: sum('added'), changed: sum('changed'), removed: sum('removed') },
    pushed: { records: p.pushedRecords, batches: p.pushedBatches },
    conflicts: conflicts.map((c) => ({
      contactId: c.contactId,
      contact: c.contactId ? (names.get(c.contactId) ?? null) : null,
      table: c.table,
      field: c.column,
      kept: c.kept,
      lost: c.lost,
      keptBy: labelOf(c.keptAt),
      lostBy: labelOf(c.lostAt),
      keptAt: toHlcInstant(c.keptAt) ?? null,
      lostAt: toHlcInstant(c.lostAt) ?? null,
    })),
    removalsKept: removals.map((r) => ({ contactId: r.contactId, contact: names.get(r.contactId) ?? r.contactId, removedBy: labelOf(r.removedAt), removedAt: toHlcInstant(r.removedAt) ?? null, rows: r.rows })),
    duplicates: duplicates.map((d) => ({ a: { id: d.a, name: names.get(d.a) ?? d.a }, b: { id: d.b, name: names.get(d.b) ?? d.b }, reason: d.reason })),
    gitMs: p.gitMs,
  };
}

export interface SyncStatus {
  set: boolean;
  remote: string | null;
  machine: string | null;
  label: string | null;
  keys: KeyMode | null;
  /** When the last sync ended (ISO), or null. */
  syncedAt: string | null;
  /** Records changed here and not yet pushed, and batches made but not pushed. */
  unpushed: { records: number; batches: number };
  /**
   * `batches`: the files of changes a machine has written to the remote and this journal has applied, the journal it
   * published (`published`, the first machine's snapshot) counting as one, as a sync's `pulled.batches` counts it.
   */
  machines: { machine: string; label: string | null; self: boolean; published: boolean; batches: number; lastChangeAt: string | null; lastSyncedAt: string | null }[];
}

/** `net sync status`: from the journal alone (no git, no network): what is not pushed, the last sync, the machines. */
export function syncStatus(store: Store): SyncStatus {
  const state = readSyncState(store);
  const unpushed = countUnpushed(store);
  const publisher = state.capture && store.path ? findPublisher(localFiles(store.path).repo) : undefined;
  return {
    set: state.capture,
    remote: state.remote,
    machine: state.machine,
    label: state.label,
    keys: state.keys,
    syncedAt: state.syncedAt,
    unpushed: { records: unpushed.records, batches: unpushed.batches },
    machines: withSelf(listMachines(store), state).map((m) => ({
      machine: m.machine,
      label: m.label,
      self: m.machine === state.machine,
      published: m.machine === publisher,
      // A machine's batches are numbered from 1; the publisher's snapshot is number 0.
      batches: m.seq + (m.machine === publisher ? 1 : 0),
      lastChangeAt: toHlcInstant(m.machine === state.machine ? state.hlc : m.hlc) ?? null,
      lastSyncedAt: m.syncedAt,
    })),
  };
}

/**
 * The machine that published the journal, from the working copy as the last sync left it (a file beside the journal:
 * no git, no network): the header says it; a remote published by a net of before says it only while the publish's
 * snapshot-00000000 is there (a machine's snapshot gives way to its next one, after 100 batches).
 */
function findPublisher(repo: string): string | undefined {
  let said: unknown;
  try {
    said = (JSON.parse(readText(join(repo, HEADER)) ?? '{}') as Partial<RemoteHeader>).publisher;
  } catch {
    // a damaged header: the next sync says so
  }
  if (typeof said === 'string' && MACHINE_ID.test(said)) return said;
  return [...listRemote(repo).snapshots].find(([, seqs]) => seqs[0] === 0)?.[0];
}

/**
 * The machines this journal knows, this one among them: a machine that joined and has pushed nothing yet is noted
 * nowhere (its first push notes it), and was missing from its own status. Other machines learn of it only from its
 * first push: the remote holds nothing of it before.
 */
function withSelf(machines: MachineRow[], state: ReturnType<typeof readSyncState>): MachineRow[] {
  if (!state.capture || !state.machine || machines.some((m) => m.machine === state.machine)) return machines;
  return [...machines, { machine: state.machine, label: state.label, seq: 0, hlc: state.hlc, syncedAt: state.syncedAt }];
}
