/** How tags are written beside a name: "#bni #client". One home, for the list, the contact's card and the summary. */
export const toTagsText = (tags: readonly string[]): string => tags.map((t) => `#${t}`).join(' ');

/** Its length in characters (code points), as SQLite's length() and a terminal's columns count them. */
export function toTextLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
