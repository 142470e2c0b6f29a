/**
 * The encryption of everything `net sync` and `net backup --encrypt` write: compressed, then encrypted with age (the
 * `age-encryption` package, by age's authors; loaded only by the commands that encrypt), so that a file can be opened
 * with the `age` command too. Data files are encrypted to an X25519 key, which a passphrase wraps once (scrypt takes
 * seconds by design: once per machine, never per file).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { SyncError } from '../core/errors.js';

type Age = typeof import('./age.js');
let age: Promise<Age> | undefined;
const loadAge = () => (age ??= import('./age.js'));

/*
 * age's Encrypter and Decrypter are given a stream and their output gathered here, rather than given bytes: for bytes,
 * age gathers its output with `new Response(stream)`, and the first use of Response loads node's web client (its
 * HTTP client, with the http, http2, tls and assert modules): 52 ms of a 1.5 s everyday sync's profile on a loaded
 * machine (issue 19), for nothing a sync uses. The stream API is age's own, documented one; the bytes written and
 * read are the same. The global ReadableStream (the class age tests its input against): importing node:stream/web
 * would load all of web streams and worker/io too.
 */
const toStream = (bytes: Uint8Array | string) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
      c.close();
    },
  });

async function gather(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return Buffer.concat(chunks);
}

export interface KeyPair {
  /** AGE-SECRET-KEY-1… (or AGE-SECRET-KEY-PQ-1…, post-quantum): opens the files. */
  identity: string;
  /** age1… (age1pq1…): what files are encrypted to. */
  recipient: string;
}

export async function generateKey(): Promise<KeyPair> {
  const a = await loadAge();
  const identity = await a.generateX25519Identity();
  return { identity, recipient: await a.identityToRecipient(identity) };
}

export async function toRecipient(identity: string): Promise<string> {
  return (await loadAge()).identityToRecipient(identity);
}

/**
 * The identity an age identity file holds: its first line that is not a comment or blank, given to age as it is. age
 * says which kinds it knows (X25519, AGE-SECRET-KEY-1…, and the post-quantum hybrid of ML-KEM-768 and X25519 that
 * `age-keygen -pq` makes, AGE-SECRET-KEY-PQ-1…) and derives the recipient: net reads no key of its own. The recipient
 * is taken from the file instead when `trustComment` and the file says it as age-keygen does ("# public key: age1…"):
 * the key net keeps for itself, read at every sync, which then loads no cryptography when there is nothing to decrypt.
 */
export async function readIdentityText(text: string, file: string, trustComment = false): Promise<KeyPair> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const line = lines.find((l) => l && !l.startsWith('#'));
  if (!line?.startsWith('AGE-SECRET-KEY-')) {
    throw new SyncError(`${file} is not an age identity file (no AGE-SECRET-KEY-1… or AGE-SECRET-KEY-PQ-1… line)`, 'make one with age-keygen -o key.txt (age-keygen -pq -o key.txt for a post-quantum one), or leave out --identity to use a passphrase', 2);
  }
  const said = trustComment ? lines.map((l) => /^# public key: (age1[0-9a-z]+)$/.exec(l)?.[1]).find(Boolean) : undefined;
  if (said) return { identity: line, recipient: said };
  try {
    return { identity: line, recipient: await toRecipient(line) };
  } catch {
    throw new SyncError(`${file} holds a damaged age identity, or one of a kind net cannot use`, 'give the file age-keygen wrote (an X25519 or a post-quantum identity)', 2);
  }
}

/** An identity file as age-keygen writes one, for the key net keeps beside the journal. */
export const toIdentityText = (key: KeyPair, what: string): string => `# ${what}\n# public key: ${key.recipient}\n${key.identity}\n`;

/** The key encrypted with a passphrase (age's scrypt mode): the remote's key.age. */
export async function wrapKey(identity: string, passphrase: string): Promise<Uint8Array> {
  const e = new (await loadAge()).Encrypter();
  e.setPassphrase(passphrase);
  return gather(await e.encrypt(toStream(`${identity}\n`)));
}

export async function unwrapKey(bytes: Uint8Array, passphrase: string): Promise<KeyPair> {
  const d = new (await loadAge()).Decrypter();
  d.addPassphrase(passphrase);
  let text: string;
  try {
    text = (await gather(await d.decrypt(toStream(bytes)))).toString('utf8');
  } catch (err) {
    const message = (err as Error).message ?? '';
    if (/no identity matched|incorrect passphrase|failed to decrypt/i.test(message)) throw new SyncError('the passphrase does not open the remote\'s key', 'give the passphrase this remote was set up with (NET_PASSPHRASE, or type it on a terminal); the journal is unchanged', 6);
    throw new SyncError(`the remote's key.age is damaged (${message})`, 'restore key.age on the remote from its git history; the journal is unchanged', 6);
  }
  return readIdentityText(text, 'key.age');
}

/** Compressed, then encrypted to `recipient` (or with a passphrase, which costs seconds of scrypt). */
export async function seal(plain: Uint8Array | string, to: { recipient: string } | { passphrase: string }): Promise<Uint8Array> {
  const e = new (await loadAge()).Encrypter();
  if ('recipient' in to) e.addRecipient(to.recipient);
  else e.setPassphrase(to.passphrase);
  return gather(await e.encrypt(toStream(gzipSync(plain))));
}

/** Decrypted with the identity, then decompressed; `name` names the file in the error a damaged file gives. */
export async function unseal(bytes: Uint8Array, identity: string, name: string): Promise<Buffer> {
  const d = new (await loadAge()).Decrypter();
  d.addIdentity(identity);
  let plain: Uint8Array;
  try {
    plain = await gather(await d.decrypt(toStream(bytes)));
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/no identity matched/i.test(message)) throw new SyncError(`${name} on the remote is encrypted to another key`, 'the remote was set up again with other keys: join it again with net sync init <remote> --start-over; the journal is unchanged', 6);
    throw new SyncError(`${name} on the remote is damaged or was changed (${message})`, 'restore it from the remote\'s git history; the journal is unchanged', 6);
  }
  try {
    return gunzipSync(plain);
  } catch {
    throw new SyncError(`${name} on the remote is damaged (not what net wrote)`, 'restore it from the remote\'s git history; the journal is unchanged', 6);
  }
}
