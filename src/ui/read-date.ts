/** Date and interval flags. The phrase parser (chrono) is loaded only when a phrase is typed: it costs ~40 ms. */
import { parseDateInput, findIsoDate, findSimpleDate, toIsoDate, type IsoDate, type PhraseParser } from '../core/dates.js';

async function loadPhraseParser(): Promise<PhraseParser> {
  const chrono = await import('chrono-node/en');
  return (text, today) => {
    const results = chrono.casual.parse(text, new Date(`${today}T12:00:00`));
    const r = results[0];
    // The whole text must be the date: "yesterdayy" or "friday-ish" are refused, not half-read.
    if (results.length !== 1 || !r || r.index !== 0 || r.text.length !== text.length) return undefined;
    return toIsoDate(r.start.date());
  };
}

export async function readDate(text: string, today: IsoDate): Promise<IsoDate> {
  const t = text.trim();
  if (findIsoDate(t) || /^\d{4}-\d{2}-\d{2}$/.test(t) || findSimpleDate(t, today)) return parseDateInput(t, today);
  return parseDateInput(t, today, t ? await loadPhraseParser() : undefined);
}

export async function readOptionalDate(text: string | undefined, today: IsoDate): Promise<IsoDate | undefined> {
  return text === undefined ? undefined : readDate(text, today);
}
