/**
 * A problem with how a run was asked for — a pattern that selects nothing, a malformed expected-failures file,
 * a module that cannot be loaded, a report file that cannot be written: the CLI prints it and exits 2.
 */
export class RunSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunSetupError";
  }
}
