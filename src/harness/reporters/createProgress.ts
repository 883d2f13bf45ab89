/** A progress line on a terminal, updated as checks end. */
export interface Progress {
  update(done: number, total: number, lastId: string): void;
  /** Erases the line. */
  finish(): void;
}

/**
 * A progress bar on `stream` (a TTY: stderr), shown only once the run has lasted `delayMs` (a short run prints
 * nothing) and redrawn at most every 100 ms.
 */
export function createProgress(stream: NodeJS.WriteStream, delayMs = 1000, now: () => number = () => performance.now()): Progress {
  const start = now();
  let drawn = false;
  let lastDraw = -Infinity;
  return {
    update(done, total, lastId) {
      const t = now();
      if (t - start < delayMs || (t - lastDraw < 100 && done < total)) return;
      lastDraw = t;
      const width = 30;
      const filled = total === 0 ? width : Math.round((width * done) / total);
      const columns = stream.columns > 0 ? stream.columns : 80; // a pseudo-terminal may report 0
      const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${lastId}`.slice(0, columns - 1);
      stream.write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
