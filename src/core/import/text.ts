/**
 * Bytes of an exported file to text, a piece at a time, never storing a U+FFFD that a decoding guess produced.
 *
 *   bytes                                     read as
 *   BOM FF FE / FE FF, or zeros in every      UTF-16 (little / big endian), as Outlook's "Unicode" CSV is
 *   other byte of the first line
 *   anything else                             UTF-8; a line that is not UTF-8 is Windows-1252 (old Outlook, Excel),
 *                                             line by line, so that one such line does not garble the rest
 *   bytes Windows-1252 leaves undefined       "?", and a warning naming the line: no character set fits them
 *   (81 8D 8F 90 9D)
 *
 * Line endings become "\n" (CRLF and a lone CR alike), so that lines count the same for every reader.
 */
import { UsageError } from '../errors.js';

export interface TextWarning {
  line: number;
  /** What was wrong with the line: here always bytes that no character set fits. */
  reason: 'unreadable-bytes';
}

export interface DecodedPiece {
  /** Whole lines, each ending in "\n" (the last one at the end of the file may not). */
  text: string;
  /** The line of the file that `text` begins at. */
  firstLine: number;
  warnings: TextWarning[];
}

// The five bytes Windows-1252 does not define; TextDecoder maps them to C1 control characters.
const UNDEFINED_1252 = /[\u0081\u008d\u008f\u0090\u009d]/g;

const utf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes in a named character set, falling back to UTF-8 and then Windows-1252; `unreadable` counts bytes nothing fits. */
export function decodeBytes(bytes: Uint8Array, charset?: string): { text: string; unreadable: number } {
  for (const name of [charset, 'utf-8']) {
    if (!name) continue;
    try {
      return { text: new TextDecoder(name, { fatal: true }).decode(bytes), unreadable: 0 };
    } catch {
      // an unknown name, or bytes that are not of that set: try the next
    }
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  let unreadable = 0;
  return { text: text.replace(UNDEFINED_1252, () => (unreadable++, '?')), unreadable };
}

function isUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // Without a BOM: ASCII text in UTF-16 has a zero in every other byte.
  const n = Math.min(head.length, 200) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n / 2 * 0.9 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > n / 2 * 0.9 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** No line of a contact file comes near this; a longer one means the file is not what it claims to be. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Decodes a file pushed in pieces of any size into whole lines; each byte is copied once, however long its line. */
export class LineDecoder {
  /** The bytes of the line not yet ended, as pushed. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private utf16: InstanceType<typeof TextDecoder> | undefined;
  private started = false;
  private pendingText = '';
  private line = 1;

  /** The decoded whole lines of the bytes pushed so far; `final` flushes what is left. */
  push(bytes: Uint8Array, final = false): DecodedPiece {
    let data = bytes;
    if (!this.started) {
      if (!final && this.pendingBytes + bytes.length < 4) {
        this.hold(bytes);
        return { text: '', firstLine: this.line, warnings: [] };
      }
      data = this.take(bytes);
      this.started = true;
      const wide = isUtf16(data);
      if (wide) {
        this.utf16 = new TextDecoder(wide); // drops its BOM itself
      } else if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
        data = data.subarray(3);
      }
    }
    const firstLine = this.line;
    if (this.utf16) return this.splitText(this.pendingText + this.utf16.decode(data, { stream: !final }), final, firstLine, []);
    // Whole lines only: up to the last LF (or a CR not at the very end, which may be half of a CRLF).
    let end = data.length;
    if (!final) {
      end = Math.max(data.lastIndexOf(0x0a), data.length >= 2 ? data.lastIndexOf(0x0d, data.length - 2) : -1) + 1;
      if (end === 0) {
        this.hold(data);
        return { text: '', firstLine, warnings: [] };
      }
    }
    const whole = this.take(data.subarray(0, end));
    if (end < data.length) this.hold(data.slice(end));
    const warnings: TextWarning[] = [];
    let text: string;
    try {
      text = utf8().decode(whole);
    } catch {
      text = this.decodeLineByLine(whole, firstLine, warnings);
    }
    return this.splitText(text, true, firstLine, warnings);
  }

  private hold(bytes: Uint8Array): void {
    if (!bytes.length) return;
    this.pending.push(bytes.slice());
    this.pendingBytes += bytes.length;
    if (this.pendingBytes > MAX_LINE_BYTES) {
      throw new UsageError(`line ${this.line} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB: this is not a contact file`, 'import a vCard, CSV or net JSON export');
    }
  }

  /** The held bytes followed by `bytes`, held no more. */
  private take(bytes: Uint8Array): Uint8Array {
    if (!this.pending.length) return bytes;
    const out = new Uint8Array(this.pendingBytes + bytes.length);
    let at = 0;
    for (const p of this.pending) {
      out.set(p, at);
      at += p.length;
    }
    out.set(bytes, at);
    this.pending = [];
    this.pendingBytes = 0;
    return out;
  }

  private decodeLineByLine(bytes: Uint8Array, firstLine: number, warnings: TextWarning[]): string {
    const parts: string[] = [];
    let line = firstLine;
    let start = 0;
    while (start < bytes.length) {
      let end = start;
      while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
      if (end < bytes.length) end += bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1;
      const { text, unreadable } = decodeBytes(bytes.subarray(start, end));
      if (unreadable) warnings.push({ line, reason: 'unreadable-bytes' });
      parts.push(text);
      line++;
      start = end;
    }
    return parts.join('');
  }

  /** Normalises line endings and holds back a trailing partial line of UTF-16 text. */
  private splitText(raw: string, final: boolean, firstLine: number, warnings: TextWarning[]): DecodedPiece {
    let text = raw;
    if (!final) {
      const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r', text.length - 2)) + 1;
      this.pendingText = text.slice(cut);
      text = text.slice(0, cut);
      if (this.pendingText.length > MAX_LINE_BYTES / 2) {
        throw new UsageError(`line ${this.line} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB: this is not a contact file`, 'import a vCard, CSV or net JSON export');
      }
    } else {
      this.pendingText = '';
    }
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    text = text.replace(/\r\n?/g, '\n');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
    return { text, firstLine, warnings };
  }
}

/** A whole file's bytes as text (for small inputs and tests). */
export function decodeText(bytes: Uint8Array): { text: string; warnings: TextWarning[] } {
  const piece = new LineDecoder().push(bytes, true);
  return { text: piece.text, warnings: piece.warnings };
}
