/**
 * Splits a command line into argv the way a POSIX shell splits words, and does nothing else: spaces and tabs
 * separate words; 'single quotes' keep everything literally; "double quotes" keep everything except the
 * backslash escapes \" \\ \$ \` ; outside quotes a backslash keeps the next character. There is no expansion of
 * variables, globs or `~` (`$HOME` stays `$HOME`): users who want a shell write `sh -c "…"`.
 */
export function splitCommandLine(commandLine: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const fail = (what: string): never => {
    throw new CommandLineError(`cannot split command line ${JSON.stringify(commandLine)}: ${what}`);
  };
  while (i < commandLine.length) {
    const c = commandLine[i]!;
    if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = commandLine.indexOf("'", i + 1);
      if (end < 0) fail(`unterminated single quote at position ${i}`);
      word += commandLine.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < commandLine.length && commandLine[j] !== '"'; j++) {
        const d = commandLine[j]!;
        const next = commandLine[j + 1];
        if (d === "\\" && next !== undefined && '"\\$`'.includes(next)) {
          word += next;
          j++;
        } else word += d;
      }
      if (j >= commandLine.length) fail(`unterminated double quote at position ${i}`);
      inWord = true;
      i = j + 1;
    } else if (c === "\\") {
      const next = commandLine[i + 1];
      if (next === undefined) fail("it ends with a lone backslash");
      word += next;
      inWord = true;
      i += 2;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) fail("it names no program");
  return words;
}

/** A command line that cannot be split into argv (an unterminated quote, say). */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandLineError";
  }
}
