import type { Hello, Implementation } from "../implementation.ts";
import { parseHello, StartupError } from "../protocol/index.ts";

/** The implementation's hello, validated; anything wrong is a `StartupError` (the CLI exits 2). */
export async function helloOf(implementation: Implementation): Promise<Hello> {
  let answer: unknown;
  try {
    answer = await implementation.hello();
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`the implementation's hello() failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseHello(answer);
}
