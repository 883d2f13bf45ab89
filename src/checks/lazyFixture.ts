/** Fixture files read on first use, and broken ones turned into errored checks naming the file and the JSON pointer. */
import { displayPath, fixturePath, FixtureError, loadFixture, type FixtureByKind, type FixtureKind } from "../fixtures/index.ts";
import type { CheckOutcome } from "../harness/check.ts";

/** A fixture, loaded and validated on first call. */
export type Load<K extends FixtureKind> = () => { readonly fixture: FixtureByKind[K]; readonly file: string };

/** Reads and validates one fixture file on first use; later uses get the same fixture (or the same error). */
export function lazyFixture<K extends FixtureKind>(kind: K, dir: string): Load<K> {
  let loaded: { fixture: FixtureByKind[K]; file: string } | { error: unknown } | undefined;
  return () => {
    if (loaded === undefined) {
      try {
        const path = fixturePath(kind, dir);
        loaded = { fixture: loadFixture(kind, path), file: displayPath(path) };
      } catch (error) {
        loaded = { error };
      }
    }
    if ("error" in loaded) throw loaded.error;
    return loaded;
  };
}

/** Runs `body`; a broken fixture file errors the check with the file and JSON pointer of what is wrong. */
export async function withFixture(body: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error;
    const [first = error.message] = error.messages;
    const more = error.messages.length > 1 ? ` (+${error.messages.length - 1} more problems)` : "";
    return { status: "errored", message: `broken fixture: ${first}${more}`, details: { problems: error.messages, fixture: error.file } };
  }
}
