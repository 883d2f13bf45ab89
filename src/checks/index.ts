/** The registry of conformance checks: every check nncheck knows, in report order, with unique ids. */
import type { Check } from "../harness/check.ts";
import { activationChecks } from "./activationChecks.ts";
import { finiteDifferenceChecks } from "./finiteDifferenceChecks.ts";
import { fixtureChecks } from "./fixtureChecks.ts";
import { oracleChecks } from "./oracleChecks.ts";
import { propertyChecks } from "./propertyChecks.ts";

/**
 * Every check, in a stable order (the order reports use): the activation audits first (a wrong activation breaks
 * everything after it, so its failure is the one to read first), then the fixtures, the oracle checks, the
 * finite-difference checks and the properties.
 */
export function allChecks(): Check[] {
  return [...activationChecks(), ...fixtureChecks(), ...oracleChecks(), ...finiteDifferenceChecks(), ...propertyChecks()];
}
export { suiteIdentity } from "./suiteIdentity.ts";
