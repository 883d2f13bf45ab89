/**
 * The property-based and metamorphic suite as checks: `property/<area>/<name>`, each running seeded fast-check
 * cases (their number scaled from `context.runs`) through the `Implementation` interface only.
 */
import type { Check } from "../harness/check.ts";
import {
  classifierCostProperties,
  costProperties,
  descentProperties,
  gradientProperties,
  leakyReluProperties,
  logisticProperties,
  metamorphicProperties,
  reluProperties,
  siluProperties,
  softmaxProperties,
  softplusProperties,
  stepProperties,
} from "../properties/index.ts";

/** The `runs` the case counts of the property suite are tuned for (about 5,000 cases in all, 3,300 of them the seed family's). */
export const PROPERTY_DEFAULT_RUNS = 100;

/**
 * Every property check, activations first, then cost, gradients, step and train, descent and metamorphic ones;
 * within an area today's (the seed's family) before those of the classifiers and the newer activations.
 */
export function propertyChecks(): Check[] {
  return [
    ...reluProperties(),
    ...logisticProperties(),
    ...leakyReluProperties(),
    ...softplusProperties(),
    ...siluProperties(),
    ...softmaxProperties(),
    ...costProperties(),
    ...classifierCostProperties(),
    ...gradientProperties(),
    ...stepProperties(),
    ...descentProperties(),
    ...metamorphicProperties(),
  ];
}
