/**
 * The property-based and metamorphic suite as checks: `property/<area>/<name>`, each running seeded fast-check
 * cases (their number scaled from `context.runs`) through the `Implementation` interface only.
 */
import type { Check } from "../harness/check.ts";
import type { NetworkSpec } from "../network/types.ts";
import { sameNetwork, type NamedShape } from "./declaredShapes.ts";
import { scaledForLargeShape } from "./largeShape.ts";
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

const sameRequestNetwork = (a: NetworkSpec, b: NetworkSpec): boolean => sameNetwork(a, b) && (a.reduction ?? "mean") === (b.reduction ?? "mean");

/**
 * The properties on the user's shapes (hello `networks`, `--network`), `property/<area>/<name>/<shape>`, with the
 * shape's first reduction: every property that takes a network and fits the shape (see each area's function), but
 * the SGD runs on font data; a variant whose network is its built-in property's adds nothing.
 */
export function declaredPropertyChecks(shapes: readonly NamedShape[]): Check[] {
  const builtIn = new Map(propertyChecks().map((c) => [c.id, c]));
  return shapes.flatMap(({ name, network, reductions }) => {
    const shape = { name, network: reductions[0] === "mean" ? network : { ...network, reduction: reductions[0]! } };
    const variants = [
      ...costProperties(shape), ...classifierCostProperties(shape), ...gradientProperties(shape), ...stepProperties(shape),
      ...descentProperties(shape), ...metamorphicProperties(shape),
    ];
    return variants.filter((v) => {
      const original = builtIn.get(v.id.slice(0, -(name.length + 1)));
      const same = original?.needs.networks?.length === 1 && sameRequestNetwork(original.needs.networks[0]!, shape.network);
      return !same;
    }).map((v) => scaledForLargeShape(v, network)); // fewer cases above LARGE_SHAPE_PARAMS (largeShape.ts)
  });
}
