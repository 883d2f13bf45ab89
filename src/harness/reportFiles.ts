import { closeSync, existsSync, ftruncateSync, openSync, unlinkSync, writeSync } from "node:fs";
import { RunSetupError } from "./RunSetupError.ts";

/** Report files opened before a run, written after it. */
export interface ReportFiles {
  /** Replaces the content of `file` (one of those opened) with `text`. */
  write(file: string, text: string): void;
  /** Closes every file; those that did not exist before and were never written are removed again. */
  close(): void;
}

/**
 * Opens every report file of a run before its first check, so that a target that cannot be written (a missing
 * directory, `/proc/x`, no permission) is a `RunSetupError` at once, not after the whole suite has run. A file is
 * opened without truncating it: an aborted run leaves an old report as it was.
 */
export function openReportFiles(targets: readonly { readonly name: string; readonly file?: string | undefined }[]): ReportFiles {
  const open = new Map<string, { fd: number; created: boolean; written: boolean }>();
  const close = (): void => {
    for (const [file, f] of open) {
      closeSync(f.fd);
      if (f.created && !f.written) unlinkSync(file);
    }
    open.clear();
  };
  for (const { name, file } of targets) {
    if (file === undefined || open.has(file)) continue;
    const created = !existsSync(file);
    try {
      open.set(file, { fd: openSync(file, "a"), created, written: false });
    } catch (error) {
      close();
      throw new RunSetupError(`cannot write the ${name} report to ${file}: ${(error as Error).message}`);
    }
  }
  return {
    write(file, text) {
      const f = open.get(file);
      if (f === undefined) throw new RangeError(`openReportFiles: ${file} was not opened`);
      ftruncateSync(f.fd, 0);
      writeSync(f.fd, text, 0);
      f.written = true;
    },
    close,
  };
}
