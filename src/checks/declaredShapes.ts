/**
 * The user's shapes: the networks a hello declares (`networks`) and `nncheck run --network` names, resolved into
 * the networks the oracle, finite-difference and property checks run on, each named for the check ids.
 */
import type { DeclaredNetwork, Hello } from "../implementation.ts";
import { COSTS, REDUCTIONS, type Cost, type NetworkSpec, type Reduction } from "../network/types.ts";
import { validateNetwork } from "../network/validate.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";
import { DEFAULT_COSTS, DEFAULT_REDUCTIONS } from "../harness/unmetNeeds.ts";

/** A shape the shape-parametric checks run on: the network (its cost set, no reduction key) and its reductions. */
export interface DeclaredShape {
  readonly network: NetworkSpec;
  /** The reductions its gradients, step and train checks run with, the first also for forward and fd. */
  readonly reductions: readonly Reduction[];
}

/** A declared shape with the name its check ids carry (`oracle/gradients/<name>`). */
export interface NamedShape extends DeclaredShape {
  readonly name: string;
}

/**
 * `entries` (hello `networks` first, then `--network`) as shapes, duplicates dropped. A missing `cost` is the first
 * of the hello's `costs` (absent: squared_error) that fits the output layer; a missing `reduction` means every one
 * of the hello's `reductions` (absent: mean). An entry no check can use is a `RunSetupError` naming it (`where(i)`),
 * or, when `unusable` is given, is left out and handed to it with that message and its index (a hello's networks may name shapes
 * nncheck cannot build, which protocol v1 always allowed: their checks are skipped, as ever).
 */
export function declaredShapes(entries: readonly DeclaredNetwork[], hello: Pick<Hello, "costs" | "reductions">, where: (index: number) => string, unusable?: (message: string, index: number) => void): DeclaredShape[] {
  const shapes: DeclaredShape[] = [];
  entries.forEach((entry, i) => {
    let shape: DeclaredShape;
    try {
      shape = resolve(entry, hello, where(i));
    } catch (error) {
      if (unusable === undefined || !(error instanceof RunSetupError)) throw error;
      unusable(error.message, i); // may throw instead
      return;
    }
    const key = JSON.stringify(shape);
    if (!shapes.some((s) => JSON.stringify(s) === key)) shapes.push(shape);
  });
  return shapes;
}

function resolve(entry: DeclaredNetwork, hello: Pick<Hello, "costs" | "reductions">, where: string): DeclaredShape {
  const base = { layers: [...entry.layers], activations: [...entry.activations] };
  const costs = entry.cost !== undefined ? [entry.cost] : (hello.costs ?? DEFAULT_COSTS).filter((c) => COSTS.includes(c as Cost));
  const cost = costs.find((c) => validateNetwork({ ...base, cost: c }).length === 0);
  if (cost === undefined) {
    const problems = validateNetwork({ ...base, cost: costs[0] ?? "squared_error" });
    const why = problems.length > 0 ? problems.join("; ") : `none of the costs ${costs.join(", ")} fits its output layer`;
    throw new RunSetupError(`${where} cannot be checked: ${why}`);
  }
  if (entry.reduction !== undefined && !REDUCTIONS.includes(entry.reduction as Reduction)) {
    throw new RunSetupError(`${where} cannot be checked: its reduction ${JSON.stringify(entry.reduction)} is not one of ${REDUCTIONS.join(", ")}`);
  }
  const offered = (hello.reductions ?? DEFAULT_REDUCTIONS).filter((r): r is Reduction => REDUCTIONS.includes(r as Reduction));
  const reductions = entry.reduction !== undefined ? [entry.reduction as Reduction] : offered.length > 0 ? offered : ["mean" as const];
  return { network: { ...base, cost: cost as Cost } as NetworkSpec, reductions };
}

/** Whether two networks have the same layers, activations and cost (the reduction aside). */
export function sameNetwork(a: NetworkSpec, b: NetworkSpec): boolean {
  return a.cost === b.cost && a.layers.join() === b.layers.join() && a.activations.join() === b.activations.join();
}

/**
 * Names for `shapes`, unique among themselves and against `builtIn` (every family's built-in shapes): the layers
 * joined by "-" (`784-128-10`), which a shape equal to a built-in one keeps exactly as the built-in is named
 * (`3-3-1`); where that name belongs to another network (or to an earlier declared shape), the activations are added (`3-3-1-tanh-tanh`), then the
 * cost, then a number.
 */
export function nameShapes(shapes: readonly DeclaredShape[], builtIn: readonly { readonly name: string; readonly network: NetworkSpec }[]): NamedShape[] {
  const holders = new Map<string, NetworkSpec[]>();
  for (const { name, network } of builtIn) holders.set(name, [...(holders.get(name) ?? []), network]);
  const taken = new Set<string>(); // by an earlier declared shape: never shared, even by an equal network
  return shapes.map((shape) => {
    const { layers, activations, cost } = shape.network;
    const equal = builtIn.find((b) => sameNetwork(b.network, shape.network));
    const base = layers.join("-");
    const candidates = [...(equal !== undefined ? [equal.name] : []), base, `${base}-${activations.join("-")}`, `${base}-${activations.join("-")}-${cost}`];
    const free = (name: string) => !taken.has(name) && (holders.get(name) ?? []).every((n) => sameNetwork(n, shape.network));
    let name = candidates.find(free);
    for (let k = 2; name === undefined; k++) if (free(`${base}-${k}`)) name = `${base}-${k}`;
    taken.add(name);
    return { ...shape, name };
  });
}
