import { METHODS, type Hello, type Implementation, type Method } from "../implementation.ts";
import { shapeProblems, type RequestByMethod } from "../protocol/index.ts";
import { MalformedAnswerError } from "./MalformedAnswerError.ts";

/** An implementation as one check sees it, and what went wrong in its calls during that check. */
export interface GuardedImplementation {
  readonly implementation: Implementation;
  /** Every error a call threw during the check (shape problems included), oldest first. */
  incidents(): readonly unknown[];
}

/**
 * Wraps `implementation` for one check: `hello` answers `hello`; every other answer is shape-checked
 * (`shapeProblems`) before the check sees it — a malformed one throws `MalformedAnswerError` — and every
 * error thrown is recorded, so the runner can tell what the implementation did even if the check caught it.
 */
export function guardImplementation(implementation: Implementation, hello: Hello): GuardedImplementation {
  const incidents: unknown[] = [];
  const guard = <M extends Method>(method: M) => async (request: RequestByMethod[M]): Promise<never> => {
    let result: unknown;
    try {
      result = await (implementation[method] as (r: RequestByMethod[M]) => Promise<unknown>).call(implementation, request);
    } catch (error) {
      incidents.push(error);
      throw error;
    }
    const problems = shapeProblems(method, request, result);
    if (problems.length > 0) {
      const error = new MalformedAnswerError(method, problems);
      incidents.push(error);
      throw error;
    }
    return result as never;
  };
  const guarded = Object.fromEntries(METHODS.map((method) => [method, guard(method)]));
  return {
    implementation: { ...(guarded as unknown as Implementation), hello: async () => hello },
    incidents: () => [...incidents],
  };
}
