/** The registry of conformance checks: every check nncheck knows, in report order, with unique ids. */
import type { Check } from "../harness/check.ts";
import { offersShape } from "../harness/unmetNeeds.ts";
import type { DeclaredNetwork, Hello } from "../implementation.ts";
import { activationChecks } from "./activationChecks.ts";
import { declaredShapes, nameShapes, type DeclaredShape } from "./declaredShapes.ts";
import { declaredFiniteDifferenceChecks, FD_SHAPES, finiteDifferenceChecks } from "./finiteDifferenceChecks.ts";
import { fixtureChecks } from "./fixtureChecks.ts";
import { CLASSIFIER_SHAPES, declaredOracleChecks, ORACLE_SHAPES, oracleChecks } from "./oracleChecks.ts";
import { declaredPropertyChecks, propertyChecks } from "./propertyChecks.ts";

/**
 * Every check on the built-in shapes, in a stable order (the order reports use): the activation audits first (a
 * wrong activation breaks everything after it, so its failure is the one to read first), then the fixtures, the
 * oracle checks, the finite-difference checks and the properties.
 */
export function allChecks(): Check[] {
  return checksFor();
}

/** The shapes a run's checks are built for: see `checksFor`. */
export interface CheckShapes {
  /** The user's shapes (hello `networks`, then `--network`; see `declaredShapes`). */
  readonly declared?: readonly DeclaredShape[];
  /** The hello's `networks`, when it lists them: the only shapes the implementation takes. */
  readonly offered?: Hello["networks"];
}

/**
 * The checks of a run on `shapes`: `allChecks()`'s, then after each family's the same oracle, finite-difference
 * and property checks on every declared shape (ids ending in its name, see `nameShapes`). When the hello lists
 * `networks` (`offered`), a built-in oracle or fd check on a shape it does not offer is left out where the declared
 * shapes add checks to its family — they replace it — and so is a built-in property with a variant on a declared
 * shape; what has no such replacement stays (skipped, with the reason, as ever). So a hello whose networks are all
 * built-in shapes (the seed's 3-3-1) gets exactly `allChecks()`, as does one without networks.
 */
export function checksFor(shapes: CheckShapes = {}): Check[] {
  const named = nameShapes(shapes.declared ?? [], [...ORACLE_SHAPES, ...CLASSIFIER_SHAPES, ...FD_SHAPES]);
  const families = [
    [oracleChecks(), declaredOracleChecks(named)],
    [finiteDifferenceChecks(), declaredFiniteDifferenceChecks(named)],
    [propertyChecks(), declaredPropertyChecks(named)],
  ] as const;
  const { offered } = shapes;
  const kept = families.flatMap(([builtIn, declared]) => {
    if (offered === undefined || declared.length === 0) return [...builtIn, ...declared];
    const replaced = (c: Check) => !(c.needs.networks ?? []).every((n) => offersShape(offered, n)) &&
      (!c.id.startsWith("property/") || declared.some((d) => d.id.startsWith(`${c.id}/`)));
    return [...builtIn.filter((c) => !replaced(c)), ...declared];
  });
  return [...activationChecks(), ...fixtureChecks(), ...kept];
}
/**
 * The checks of a run whose implementation said `hello`, with `networks` from the command line (`--network`): the
 * hello's networks and those, as `checksFor` builds them. An entry no check can be built on adds nothing (the
 * main thread of a run has named it already); worker threads rebuild a run's registry with this.
 */
export function checksForHello(hello: Hello, networks: readonly DeclaredNetwork[] = []): Check[] {
  const declared = declaredShapes([...(hello.networks ?? []), ...networks], hello, (i) => `network ${i}`, () => {});
  return checksFor({ declared, ...(hello.networks !== undefined ? { offered: hello.networks } : {}) });
}

export { suiteIdentity } from "./suiteIdentity.ts";
export { declaredShapes, nameShapes, type DeclaredShape, type NamedShape } from "./declaredShapes.ts";
