import { ACTIVATION_TABLE } from "../family/activations.ts";
import { COST_TABLE, reductionWeight } from "../family/costs.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";
import type { ExactGradients } from "./exactGradients.ts";
import { DTYPES, type Dtype } from "./tolerance.ts";

/**
 * Rounding scales: for every value v of the forward and backward pass, a first-order bound E(v) on
 * |v_computed − v_exact| / u that holds for any correct implementation, whatever its order of summation.
 * E grows from two sources, kept apart for reports:
 *   local       — the roundings of the operation itself: a sum of m terms costs m·Σ|terms|;
 *   propagated  — the errors of its operands, weighted by the operation's partial derivatives.
 * Each activation's and each cost's own terms come from the family tables (src/family/): E(f(z)) and E(f′(z)) per
 * activation, and per cost the output layer's E(cost) and E(δ_L) along each correct way of computing them.
 * Units of a kinked activation (ReLU, leaky ReLU) whose pre-activation z is within the tolerance of 0 are
 * "ambiguous": a correct implementation may take either branch, so f′ there carries the jump between the branches
 * as its uncertainty and both branches pass.
 */
export interface LayerScales {
  readonly z: number[][];
  readonly a: number[][];
  readonly dA_dZ: number[][];
  readonly delta: number[][];
  readonly ambiguous: boolean[][];
}

export interface ParamScales {
  readonly W: number[][];
  readonly b: number[];
}

export interface GradientScales {
  readonly layers: readonly LayerScales[];
  readonly cost: number;
  readonly grads: readonly ParamScales[];
  /** The local part of `grads` (the sum over the batch itself); the rest is propagated. */
  readonly gradsLocal: readonly ParamScales[];
}

export interface ScaleInputs {
  readonly network: NetworkSpec;
  readonly params: Params;
  readonly inputs: Matrix;
  readonly targets: Matrix;
  readonly exact: ExactGradients;
  /** E of every parameter (default: 0 — the implementation holds exactly these values). */
  readonly paramScales?: readonly ParamScales[];
  /** Whether inputs and targets reach the implementation rounded (E = |x|), as decimal strings or float32 do. */
  readonly roundedInputs: boolean;
  readonly dtype: Dtype;
}

/** E of a product x·y from the factors' own E, to second order (the rounding of the product is counted apart). */
export const productE = (x: number, Ex: number, y: number, Ey: number, u: number): number => times(Math.abs(x), Ey) + times(Ex, Math.abs(y)) + u * times(Ex, Ey);

/** a·b where a factor of 0 wins over an infinite one: a scale that overflowed carries nothing through an exact zero. */
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

const zeros = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

/** The rounding scales of a whole forward + backward pass (see the module comment). */
export function gradientScales(s: ScaleInputs): GradientScales {
  const { u } = DTYPES[s.dtype];
  const n = s.inputs.length;
  const inputError = (x: number) => (s.roundedInputs ? Math.abs(x) : 0);
  const EParams = s.paramScales ?? s.params.map(({ W, b }) => ({ W: W.map((r) => r.map(() => 0)), b: b.map(() => 0) }));
  const layers: LayerScales[] = [];
  let aPrev: Matrix = s.inputs;
  let EaPrev: number[][] = s.inputs.map((x) => x.map(inputError));

  s.params.forEach(({ W, b }, l) => {
    const ex = s.exact.layers[l]!;
    const EW = EParams[l]!.W, Eb = EParams[l]!.b;
    const m = W[0]!.length;
    const f = ACTIVATION_TABLE[s.network.activations[l]!];
    const Ez = zeros(n, W.length), Ea = zeros(n, W.length), Ed = zeros(n, W.length);
    const ambiguous = Array.from({ length: n }, () => new Array<boolean>(W.length).fill(false));
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < W.length; i++) {
        // z = Σ_j W_ij a_j + b_i: m + 1 terms summed, plus the errors W and a bring in.
        let terms = Math.abs(b[i]!), propagated = Eb[i]!;
        for (let j = 0; j < m; j++) {
          terms += Math.abs(W[i]![j]! * aPrev[k]![j]!);
          propagated += productE(W[i]![j]!, EW[i]![j]!, aPrev[k]![j]!, EaPrev[k]![j]!, u);
        }
        Ez[k]![i] = (m + 1) * terms + propagated;
        if (f.kind === "elementwise") {
          const unit = f.scales({ z: ex.z[k]![i]!, a: ex.a[k]![i]!, d: ex.dA_dZ[k]![i]!, Ez: Ez[k]![i]!, u });
          Ea[k]![i] = unit.Ea;
          Ed[k]![i] = unit.Ed;
          ambiguous[k]![i] = unit.ambiguous;
        }
      }
      if (f.kind === "vector") Ea[k] = f.scales(ex.z[k]!, ex.a[k]!, Ez[k]!, u);
    }
    layers.push({ z: Ez, a: Ea, dA_dZ: Ed, delta: zeros(n, W.length), ambiguous });
    aPrev = ex.a;
    EaPrev = Ea;
  });

  // The cost and δ_L = dC/dz_L from the cost table, sample by sample: E(C) is the per-sample terms' scales plus
  // (nK + 2)·|C| for the sums over units and samples and the reduction's division; E(δ_L) is the larger of the ways
  // of computing it that are valid here (the chain rule back through f_L, a fused form like w(a − y)).
  const last = s.exact.layers.at(-1)!;
  const L = layers.at(-1)!;
  const K = last.a[0]!.length;
  const w = reductionWeight(s.network.reduction, n, K);
  const cost = COST_TABLE[s.network.cost];
  const out = ACTIVATION_TABLE[s.network.activations.at(-1)!];
  let Ecost = (n * K + 2) * Math.abs(s.exact.cost);
  const outputDeltaE: number[][] = last.a.map((a, k) => {
    const y = s.targets[k]!;
    const o = cost.scales({ z: last.z[k]!, a, y, Ez: L.z[k]!, Ea: L.a[k]!, Ey: y.map(inputError), w, u, tiny: DTYPES[s.dtype].minNormal });
    Ecost += o.Ecost;
    const chain = o.chain === undefined ? undefined
      : out.kind === "vector" ? out.backwardScales(a, L.a[k]!, o.chain.g, o.chain.Eg, u)
      : o.chain.g.map((g, i) => productE(last.dA_dZ[k]![i]!, L.dA_dZ[k]![i]!, g, o.chain!.Eg[i]!, u) + Math.abs(g * last.dA_dZ[k]![i]!));
    return a.map((_, i) => Math.max(chain?.[i] ?? 0, o.fused?.[i] ?? 0));
  });
  let EdA: number[][] = [];

  const grads: ParamScales[] = [], gradsLocal: ParamScales[] = [];
  for (let l = s.params.length - 1; l >= 0; l--) {
    const { W } = s.params[l]!;
    const ex = s.exact.layers[l]!, sc = layers[l]!;
    const a0 = l === 0 ? s.inputs : s.exact.layers[l - 1]!.a;
    const Ea0 = l === 0 ? s.inputs.map((x) => x.map(inputError)) : layers[l - 1]!.a;
    // delta = dC/da ⊙ f′(z) (the output layer's from the cost table above)
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < W.length; i++) {
        sc.delta[k]![i] = l === s.params.length - 1 ? outputDeltaE[k]![i]!
          : productE(ex.dA_dZ[k]![i]!, sc.dA_dZ[k]![i]!, ex.dC_dA[k]![i]!, EdA[k]![i]!, u) + Math.abs(ex.delta[k]![i]!);
      }
    }
    // dC/dW_ij = Σ_k delta_ki a_kj;  dC/db_i = Σ_k delta_ki
    const gW = zeros(W.length, W[0]!.length), gWLocal = zeros(W.length, W[0]!.length);
    const gb = new Array<number>(W.length).fill(0), gbLocal = new Array<number>(W.length).fill(0);
    for (let i = 0; i < W.length; i++) {
      for (let j = 0; j < W[0]!.length; j++) {
        let terms = 0, propagated = 0;
        for (let k = 0; k < n; k++) {
          terms += Math.abs(ex.delta[k]![i]! * a0[k]![j]!);
          propagated += productE(ex.delta[k]![i]!, sc.delta[k]![i]!, a0[k]![j]!, Ea0[k]![j]!, u);
        }
        gWLocal[i]![j] = (n + 1) * terms;
        gW[i]![j] = gWLocal[i]![j]! + propagated;
      }
      let terms = 0, propagated = 0;
      for (let k = 0; k < n; k++) {
        terms += Math.abs(ex.delta[k]![i]!);
        propagated += sc.delta[k]![i]!;
      }
      gbLocal[i] = (n + 1) * terms;
      gb[i] = gbLocal[i]! + propagated;
    }
    grads.unshift({ W: gW, b: gb });
    gradsLocal.unshift({ W: gWLocal, b: gbLocal });
    // dC/da_prev_j = Σ_i W_ij delta_i
    const EW = EParams[l]!.W;
    EdA = ex.delta.map((ds, k) =>
      W[0]!.map((_, j) => {
        let terms = 0, propagated = 0;
        for (let i = 0; i < W.length; i++) {
          terms += Math.abs(W[i]![j]! * ds[i]!);
          propagated += productE(W[i]![j]!, EW[i]![j]!, ds[i]!, sc.delta[k]![i]!, u);
        }
        return (W.length + 1) * terms + propagated;
      }),
    );
  }
  return { layers, cost: Ecost, grads, gradsLocal };
}
