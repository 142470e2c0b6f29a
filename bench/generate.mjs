// Builds a synthetic journal through net's own store code, so that the schema and the summary columns are the real
// ones. Deterministic: the same size and seed give the same journal.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../dist/store/db.js';
import { Store } from '../dist/store/store.js';
import { toNameKey } from '../dist/core/names.js';
import { addDays } from '../dist/core/dates.js';
import { CHANNELS, GIVE_KINDS, ASK_KINDS } from '../dist/core/vocabulary.js';
import { ASK_SIZE } from '../dist/core/capital.js';
import { ANSWERED_IDS } from '../dist/core/checklist.js';

export const SIZES = {
  quick: { contacts: 300, events: 6_000 },
  heavy: { contacts: 5_000, events: 200_000 },
  extreme: { contacts: 50_000, events: 1_000_000 },
  // A mile wide and an inch deep: 10,000 contacts kept as the heavy journal keeps its 5,000, and 190,000 more from a
  // large address-book import three weeks ago, never met (name, company, email, phone; a birthday on a few).
  wide: { contacts: 200_000, events: 200_000, kept: 10_000, importedDaysAgo: 21 },
};

/** What an import brings of a contact from an address book: no events, no facts, never met. */
function importedContact(i, rand, pick, createdAt) {
  const name = contactName(i);
  return {
    id: randomUUID(), name, company: rand() < 0.4 ? `${pick(LAST)} ${pick(['Ltd', '& Co', 'Studio', 'Group'])}` : null, role: null,
    email: rand() < 0.8 ? `c${i}@example.com` : null, phone: rand() < 0.6 ? `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}` : null,
    metOn: null, howMet: null, everyDays: null, snoozedUntil: null, birthday: rand() < 0.05 ? `19${50 + Math.floor(rand() * 50)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null,
    createdAt, updatedAt: createdAt,
  };
}

export const TAGS = ['bni', 'client', 'chamber', 'supplier', 'alumni', 'friend', 'prospect', 'mentor', 'partner', 'press'];
const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Ema', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kira', 'Leo', 'Maya', 'Nils', 'Omar', 'Pia', 'Quin', 'Rosa', 'Sami', 'Tara', 'Uma', 'Vic', 'Wes', 'Xena', 'Yara', 'Zane'];
const LAST = ['Abbott', 'Baker', 'Castro', 'Dubois', 'Engel', 'Fischer', 'Garcia', 'Horvat', 'Ito', 'Jansen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhou'];
const SERVICES = ['wedding photography', 'bookkeeping', 'tax returns', 'web design', 'estate agency', 'mortgage advice', 'catering', 'florist', 'printing', 'IT support', 'copywriting', 'coaching'];

/** mulberry32: small, fast, seedable. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The name of contact i: unique, readable, and the same in every run. */
export function contactName(i) {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`;
}

export function generate(path, size, today, { seed = 42, onProgress } = {}) {
  const { contacts, events, kept = contacts, importedDaysAgo = 0 } = SIZES[size];
  const importedAt = `${addDays(today, -importedDaysAgo)}T19:30:00.000Z`;
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const store = new Store(openDatabase(path, { write: true, createFolder: false }), path);
  const start = addDays(today, -5 * 365);
  const ts = `${today}T08:00:00.000Z`;
  const ids = [];
  store.tx(() => {
    for (let i = kept; i < contacts; i++) {
      const c = importedContact(i, rand, pick, importedAt);
      store.insertContact(c, toNameKey(c.name));
    }
    for (let i = 0; i < kept; i++) {
      const id = randomUUID();
      ids.push(id);
      const name = contactName(i);
      store.insertContact(
        {
          id, name, company: rand() < 0.7 ? `${pick(LAST)} ${pick(['Ltd', '& Co', 'Studio', 'Group'])}` : null, role: rand() < 0.6 ? pick(SERVICES) : null,
          email: rand() < 0.5 ? `c${i}@example.com` : null, phone: null, metOn: rand() < 0.6 ? addDays(start, Math.floor(rand() * 1700)) : null, howMet: null,
          everyDays: rand() < 0.3 ? pick([14, 21, 30, 60, 90]) : null, snoozedUntil: rand() < 0.02 ? addDays(today, 1 + Math.floor(rand() * 30)) : null,
          createdAt: ts, updatedAt: ts,
        },
        toNameKey(name),
      );
      const fact = (kind, text) => store.insertFact({ id: randomUUID(), contactId: id, kind, text, createdAt: ts, updatedAt: ts });
      for (let t = 0, n = 1 + Math.floor(rand() * 3); t < n; t++) fact('tag', pick(TAGS));
      for (let t = 0, n = Math.floor(rand() * 4); t < n; t++) fact('service', pick(SERVICES));
      for (let t = 0, n = Math.floor(rand() * 6); t < n; t++) fact('goal', `goal ${t + 1}`);
      if (rand() < 0.3) fact('family', `${pick(FIRST)}, ${pick(['wife', 'husband', 'son', 'daughter'])}`);
      // Needs for net ideas to match against others' services: one contact in seven speaks of one or two.
      if (rand() < 0.15) for (let t = 0, n = 1 + Math.floor(rand() * 2); t < n; t++) fact('need', `a good ${pick(SERVICES)}`);
      if (rand() < 0.3) for (const point of ANSWERED_IDS) if (rand() < 0.6) store.upsertAnswer({ id: randomUUID(), contactId: id, point, answer: rand() < 0.7, answeredOn: addDays(today, -Math.floor(rand() * 600)), createdAt: ts, updatedAt: ts });
    }
    for (let n = 0; n < events; n++) {
      // Skewed: a few relationships carry most of the events, as in a real journal.
      const contactId = ids[Math.floor(rand() ** 2 * kept)];
      const day = addDays(start, Math.floor(rand() * 5 * 365));
      const r = rand();
      const type = r < 0.5 ? 'touch' : r < 0.75 ? 'gave' : r < 0.9 ? 'received' : 'ask';
      const kind = type === 'touch' ? pick(CHANNELS) : type === 'ask' ? pick(ASK_KINDS) : pick(GIVE_KINDS);
      const value = type === 'touch' ? null : type === 'ask' ? ASK_SIZE[kind] : 1 + Math.floor(rand() * 5);
      const outcome = type === 'ask' ? (rand() < 0.1 ? 'pending' : pick(['yes', 'no'])) : null;
      // A common note, and one rare one (for net search's benchmark), taken without changing the random sequence.
      const common = rand() < 0.3;
      const note = n % 10_007 === 5 ? 'introduced them to the Łódź printers' : common ? 'talked about the spring campaign' : null;
      store.insertEvent({ id: randomUUID(), contactId, type, kind, value, note, occurredOn: day, outcome, outcomeOn: outcome && outcome !== 'pending' ? day : null, premature: false, createdAt: ts, updatedAt: ts });
      if (type === 'touch' && rand() < 0.1) {
        const due = addDays(day, 7 + Math.floor(rand() * 60));
        store.insertFollowUp({ id: randomUUID(), contactId, dueOn: due, note: null, scheduledOn: day, doneOn: due < today && rand() < 0.9 ? due : null, createdAt: ts, updatedAt: ts });
      }
      if (onProgress && n % 50_000 === 0) onProgress(n / events);
    }
    store.refreshAllSummaries();
  });
  store.close();
}
