import type { Method } from "../implementation.ts";
import type { NetworkSpec, Params } from "../network/types.ts";

/**
 * The `params` of a protocol request for `method`, holding exactly the keys protocol v1 names for it and no
 * others, so that nothing else a caller's object carries (expected values, say) ever reaches the implementation.
 */
export function wireParams(method: Method | "hello" | "shutdown", request: unknown): Record<string, unknown> {
  const r = request as Record<string, unknown>;
  switch (method) {
    case "hello":
      return { protocol: 1 };
    case "shutdown":
      return {};
    case "activation":
      return { name: r.name, x: r.x };
    case "forward":
      return forwardParams(r);
    case "gradients":
      return { ...forwardParams(r), targets: r.targets };
    case "step":
      return { ...forwardParams(r), targets: r.targets, learningRate: r.learningRate, ...optimizerParams(r) };
    case "train":
      return { ...forwardParams(r), targets: r.targets, learningRate: r.learningRate, order: r.order, ...optimizerParams(r) };
  }
}

/** `optimizer` and `state` when the request has an optimizer (a request without one is protocol v1 as it always was). */
function optimizerParams(r: Record<string, unknown>): Record<string, unknown> {
  if (r.optimizer === undefined) return {};
  return r.state === undefined ? { optimizer: r.optimizer } : { optimizer: r.optimizer, state: r.state };
}

function forwardParams(r: Record<string, unknown>): Record<string, unknown> {
  const network = r.network as NetworkSpec | undefined;
  const params = r.params as Params | undefined;
  return {
    network: network && {
      layers: network.layers, activations: network.activations, cost: network.cost,
      ...(network.reduction !== undefined ? { reduction: network.reduction } : {}),
    },
    params: Array.isArray(params) ? params.map((p: Params[number]) => ({ W: p?.W, b: p?.b })) : params,
    inputs: r.inputs,
  };
}
