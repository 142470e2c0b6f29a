/**
 * A regular expression built on first use. V8 checks every regular expression literal when it parses the file that
 * holds it, and expands the Unicode property classes (`\p{L}`) of one then: 1 to 7 million instructions each, paid by
 * every start of net that loads the file, whether or not the expression ever runs (`net --help` loaded three).
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}
