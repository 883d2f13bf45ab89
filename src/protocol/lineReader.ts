/**
 * A handler for text chunks of a stream that calls `onLine` with every complete line (without its "\n"), and
 * with the unfinished rest as soon as that grows past `maxLineChars`, so that no line buffers without bound.
 * Nothing more is delivered once `stopped()` is true.
 */
export function lineReader(maxLineChars: number, onLine: (line: string) => void, stopped: () => boolean): (chunk: string) => void {
  let partial = "";
  return (chunk) => {
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
  };
}
