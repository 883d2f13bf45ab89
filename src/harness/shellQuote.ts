/**
 * `word` quoted for a POSIX shell (and for nncheck's own command-line splitter): bare when it is made of safe
 * characters, in double quotes when nothing in it is special there, otherwise in single quotes.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\-+=.,:/@%]+$/.test(word)) return word;
  if (!/["$`\\!]/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The shell command line for `words`, each quoted as needed. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}
