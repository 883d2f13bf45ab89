import type { Dtype } from "../gradcheck/index.ts";
import type { GradientsRequest, Implementation } from "../implementation.ts";
import { isKinked } from "../family/activations.ts";
import { COST_TABLE, reductionWeight } from "../family/costs.ts";
import type { LayerValues, NetworkSpec, Params, Vector } from "../network/types.ts";
import { forward as referenceForward } from "../reference/index.ts";
import { unitRoundoff } from "./dtypeArithmetic.ts";
import { unflattenParams } from "./paramVector.ts";
import type { EvaluatePoints, Evaluation } from "./types.ts";

/** Where the black-box cost and the ReLU on/off patterns come from. */
export interface EvaluatorOptions {
  readonly dtype: Dtype;
  /** "gradients": the implementation's own `cost`; "forward": its output layer through the network's cost (the family table's). Default "gradients". */
  readonly costSource?: "gradients" | "forward";
  /** ReLU pre-activations from the implementation's `forward`, from the float64 reference for the same params, or none. Default: "implementation" when the cost comes from `forward`, else "reference". */
  readonly kinkProbe?: "implementation" | "reference" | "none";
  /** A bound on one cost evaluation's rounding error (absolute), or a function of the cost. Default `defaultCostNoise`. */
  readonly costNoise?: number | ((cost: number) => number);
}

/** Roundings charged to one cost evaluation by the default noise model. */
export const COST_NOISE_ROUNDINGS = 8;

/**
 * The default bound on a black-box cost's rounding error: 8·u·(|C| + √|C| + f). The √|C| term is the error of the
 * outputs a (≈ u·|a|, |a| ≲ 1 for the usual outputs) carried by the 2(a − y) of the squared error; f is the absolute
 * floor of the costs whose ln(1 + t) may round 1 + t (the cross-entropies: one u per unit, weighted as the batch
 * cost weights it). Pass `costNoise` when a tighter or larger bound is known.
 */
export function defaultCostNoise(cost: number, dtype: Dtype, floor = 0): number {
  return COST_NOISE_ROUNDINGS * unitRoundoff(dtype) * (Math.abs(cost) + Math.sqrt(Math.abs(cost)) + floor);
}

/** A counted `EvaluatePoints` over an implementation, for the parameter vectors of params shaped like `request.params`. */
export interface ImplementationEvaluator {
  readonly evaluate: EvaluatePoints;
  /** Implementation calls made so far (gradients and forward). */
  calls(): number;
  /** `Z1[s][i]`-style names of the ReLU pre-activations, in `reluZ` order. */
  readonly reluNames: readonly string[];
}

/**
 * The cost θ ↦ C(θ) of `request` (inputs and targets fixed) as the implementation computes it, one call per point,
 * all points in flight at once (the stdio client pipelines them), with ReLU pre-activations for kink detection.
 */
export function implementationEvaluator(implementation: Implementation, request: GradientsRequest, options: EvaluatorOptions): ImplementationEvaluator {
  const { network, inputs, targets } = request;
  const source = options.costSource ?? "gradients", probe = options.kinkProbe ?? (source === "forward" ? "implementation" : "reference");
  const reluLayers = network.activations.flatMap((f, l) => (isKinked(f) ? [l] : []));
  const reluNames = reluLayers.flatMap((l) => inputs.flatMap((_, s) => Array.from({ length: network.layers[l + 1]! }, (_, i) => `Z${l + 1}[${s}][${i}]`)));
  const K = network.layers.at(-1)!;
  const floor = COST_TABLE[network.cost].absoluteNoise * inputs.length * K * reductionWeight(network.reduction, inputs.length, K);
  const noise = typeof options.costNoise === "number" ? () => options.costNoise as number : options.costNoise ?? ((c: number) => defaultCostNoise(c, options.dtype, floor));
  let calls = 0;
  const reluZ = (layers: readonly LayerValues[]) => reluLayers.flatMap((l) => layers[l]!.z.flat());
  const one = async (point: Vector): Promise<Evaluation> => {
    const params: Params = unflattenParams(point, request.params);
    const needForward = source === "forward" || probe === "implementation";
    calls += (needForward ? 1 : 0) + (source === "gradients" ? 1 : 0);
    const [layers, own] = await Promise.all([
      needForward ? implementation.forward({ network, params, inputs }).then((r) => r.layers) : undefined,
      source === "gradients" ? implementation.gradients({ network, params, inputs, targets }).then((r) => r.cost) : undefined,
    ]);
    const cost = own ?? networkCost(network, layers!.at(-1)!, targets);
    const z = probe === "none" || reluLayers.length === 0 ? undefined : reluZ(probe === "implementation" ? layers! : referenceForward(network, params, inputs));
    return { cost, noise: noise(cost), ...(z ? { reluZ: z } : {}) };
  };
  return { evaluate: (points) => Promise.all(points.map(one)), calls: () => calls, reluNames };
}

/** The batch cost of an output layer's z and a, in float64: the network's cost per sample (the family table's), reduced. */
export function networkCost(network: NetworkSpec, output: LayerValues, targets: readonly Vector[]): number {
  const cost = COST_TABLE[network.cost];
  const n = output.a.length, K = output.a[0]!.length;
  const sum = output.a.reduce((acc, a, s) => acc + cost.value(output.z[s]!, a, targets[s]!), 0);
  return sum * reductionWeight(network.reduction, n, K);
}
