/** Splits a text stream into lines; see `lineReader`. */
export interface LineReader {
  /** Feeds one chunk of the stream. */
  push(chunk: string): void;
  /** What came after the last "\n" (an unfinished line): at the end of the stream, a last line without its newline. */
  rest(): string;
}

/**
 * A reader that calls `onLine` with every complete line (without its "\n"), and with the unfinished rest as soon
 * as that grows past `maxLineChars`, so that no line buffers without bound. Nothing more is delivered once
 * `stopped()` is true.
 */
export function lineReader(maxLineChars: number, onLine: (line: string) => void, stopped: () => boolean): LineReader {
  let partial = "";
  return {
    push(chunk) {
      let start = 0;
      for (let nl = chunk.indexOf("\n"); nl >= 0 && !stopped(); nl = chunk.indexOf("\n", start)) {
        const line = partial + chunk.slice(start, nl);
        partial = "";
        start = nl + 1;
        onLine(line);
      }
      if (stopped()) return;
      partial += chunk.slice(start);
      if (partial.length > maxLineChars) onLine(partial);
    },
    rest: () => partial,
  };
}
