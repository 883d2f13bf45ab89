import type { Hello } from "../implementation.ts";
import type { NetworkSpec } from "../network/types.ts";
import type { CheckNeeds } from "./check.ts";

const shapeName = (n: { readonly layers: readonly number[]; readonly activations: readonly string[] }): string =>
  `${n.layers.join("-")} (${n.activations.join(", ")})`;

const sameShape = (a: NetworkSpec, b: { readonly layers: readonly number[]; readonly activations: readonly string[] }): boolean =>
  a.layers.length === b.layers.length && a.layers.every((u, i) => u === b.layers[i]) &&
  a.activations.length === b.activations.length && a.activations.every((f, i) => f === b.activations[i]);

/** Whether `network`'s shape (layers and activations) is among `offered`, a hello's `networks`. */
export function offersShape(offered: NonNullable<Hello["networks"]>, network: NetworkSpec): boolean {
  return offered.some((o) => sameShape(network, o));
}

/** What a hello without `costs` and `reductions` answers: protocol v1's first cost and reduction. */
export const DEFAULT_COSTS: readonly string[] = ["squared_error"];
export const DEFAULT_REDUCTIONS: readonly string[] = ["mean"];

/**
 * Why an implementation whose hello is `hello` cannot take a check that needs `needs` — a method not in
 * `methods`, an activation not in `activations`, a cost or reduction of the check's networks not in `costs` or
 * `reductions` (absent: squared_error and mean), a network shape not in `networks` (when listed), an optimizer not in
 * `optimizers` (absent: plain SGD only) — or undefined
 * when it offers everything needed.
 */
export function unmetNeeds(needs: CheckNeeds, hello: Hello): string | undefined {
  const method = needs.methods.find((m) => !hello.methods.includes(m));
  if (method !== undefined) {
    return `needs method "${method}", which the implementation does not offer (its hello lists methods: ${hello.methods.join(", ") || "none"})`;
  }
  const networks = needs.networks ?? [];
  const activations = [...new Set([...(needs.activations ?? []), ...networks.flatMap((n) => n.activations)])];
  const activation = activations.find((f) => !hello.activations.includes(f));
  if (activation !== undefined) {
    return `needs activation "${activation}", which the implementation does not offer (its hello lists activations: ${hello.activations.join(", ") || "none"})`;
  }
  const costs = hello.costs ?? DEFAULT_COSTS;
  const cost = networks.find((n) => !costs.includes(n.cost));
  if (cost !== undefined) {
    return `needs cost "${cost.cost}", which the implementation does not offer (its hello lists costs: ${hello.costs === undefined ? "none, so squared_error only" : costs.join(", ") || "none"})`;
  }
  const reductions = hello.reductions ?? DEFAULT_REDUCTIONS;
  const reduction = networks.find((n) => !reductions.includes(n.reduction ?? "mean"));
  if (reduction !== undefined) {
    return `needs reduction "${reduction.reduction ?? "mean"}", which the implementation does not offer (its hello lists reductions: ${hello.reductions === undefined ? "none, so mean only" : reductions.join(", ") || "none"})`;
  }
  const offered = hello.networks;
  if (offered !== undefined) {
    const network = networks.find((n) => !offered.some((o) => sameShape(n, o)));
    if (network !== undefined) {
      return `needs network ${shapeName(network)}, which is not among the shapes the implementation offers (its hello lists networks: ${offered.map(shapeName).join("; ") || "none"})`;
    }
  }
  const optimizer = (needs.optimizers ?? []).find((o) => !(hello.optimizers ?? []).includes(o));
  if (optimizer !== undefined) {
    return `needs optimizer "${optimizer}", which the implementation does not offer (its hello lists optimizers: ${hello.optimizers === undefined ? "none, so plain SGD only" : hello.optimizers.join(", ") || "none"})`;
  }
  return undefined;
}
