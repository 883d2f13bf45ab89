/**
 * Hypotheses about one layer's activation derivative, each tested by recomputing the whole backward pass with that
 * derivative (backwardWith) and asking whether the answer matches it: f′ ≡ 1 (a missing derivative or a missing
 * ReLU mask), ReLU′(0) = 1 and leaky_relu′(0) = 1, an inverted ReLU mask; and, when none matches, the pattern
 * "errors only on off units".
 */
import { ACTIVATION_TABLE } from "../family/activations.ts";
import type { Comparison, ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { GradientsRequest } from "../implementation.ts";
import type { LayerParams } from "../network/types.ts";
import { backwardWith, type DerivativeOverride } from "./backwardWith.ts";
import { differs, listNames, matchesAll, type ParamGroup } from "./paramGroups.ts";

interface Hypothesis {
  readonly kind: string;
  readonly override: DerivativeOverride;
  readonly message: string;
}

/** Whether predicted gradients explain the answer: every shaped group matches, and some failing group differs from exact. */
export function explains(groups: readonly ParamGroup[], predicted: readonly LayerParams[]): boolean {
  const flat = (g: ParamGroup) => (g.kind === "W" ? predicted[g.layer]!.W.flat() : [...predicted[g.layer]!.b]);
  const shaped = groups.filter((g) => g.actual !== undefined);
  return shaped.every((g) => matchesAll(flat(g), g.actual!, g.exact)) && shaped.some((g) => g.failing && differs(flat(g), g.exact));
}

function hypotheses(request: GradientsRequest, exact: ExactGradients, l: number): Hypothesis[] {
  const f = request.network.activations[l]!;
  const name = l + 1;
  if (f === "identity") return [];
  const missing: Hypothesis = { kind: "missing-derivative", override: () => 1, message: `the gradients match a backward pass with ${f}′ ≡ 1 in layer ${name}: the activation derivative is missing (δ${name} = dC/dA${name} instead of dC/dA${name} ⊙ ${f}′(Z${name}))` };
  if (f !== "relu" && f !== "leaky_relu") return [missing];
  const z = exact.layers[l]!.z.flat();
  const hasOn = z.some((v) => v > 0), hasOff = z.some((v) => v < 0);
  const atZero = exact.layers[l]!.z.flatMap((zs, s) => zs.flatMap((v, i) => (v === 0 ? [`unit ${i} of sample ${s}`] : [])));
  if (f === "leaky_relu") {
    // f′ ≡ 1 and leaky_relu′(0) = 1 predict the same where no z < 0: the missing slope is offered only where it shows
    const slope = ACTIVATION_TABLE.leaky_relu.kink!.derivative;
    return [
      ...(hasOff ? [missing] : []),
      ...(atZero.length > 0 ? [{ kind: "leaky-relu-derivative-at-zero", override: (v: number) => (v >= 0 ? 1 : slope), message: `the gradients match leaky_relu′(0) = 1 in layer ${name} (z exactly 0 at ${listNames(atZero)}): nncheck's convention is the left derivative, leaky_relu′(0) = ${slope} — a test z ≥ 0 where z > 0 belongs` }] : []),
    ];
  }
  return [
    ...(hasOff ? [{ kind: "relu-mask", override: () => 1, message: `the gradients match ReLU′ = 1 on every unit of layer ${name}, including those whose ReLU is off (z < 0): the ReLU mask is missing (f′ ≡ 1)` }] : []),
    ...(atZero.length > 0 ? [{ kind: "relu-derivative-at-zero", override: (v: number) => (v >= 0 ? 1 : 0), message: `the gradients match ReLU′(0) = 1 in layer ${name} (z exactly 0 at ${listNames(atZero)}): nncheck's convention is ReLU′(0) = 0 — a mask z ≥ 0 where z > 0 belongs` }] : []),
    ...(hasOn && hasOff ? [{ kind: "relu-mask-inverted", override: (v: number) => (v > 0 ? 0 : 1), message: `the gradients match an inverted ReLU mask in layer ${name} (ReLU′ = 1 where z ≤ 0, 0 where z > 0): the mask is taken from the wrong side` }] : []),
  ];
}

/**
 * Derivative hints for every layer (see the module comment): `tested` are hypotheses the recomputed gradients
 * confirm; `pattern` holds the weaker "errors only on off units" hints, for layers where no recomputation matched
 * (the caller shows them only when no tested hint explains the answer).
 */
export function derivativeHints(request: GradientsRequest, exact: ExactGradients, groups: readonly ParamGroup[], comparison: Comparison): { tested: Hint[]; pattern: Hint[] } {
  const tested: Hint[] = [], pattern: Hint[] = [];
  request.network.activations.forEach((f, l) => {
    const matched = hypotheses(request, exact, l).filter((h) => explains(groups, backwardWith(request, exact, l, h.override)));
    tested.push(...matched.map(({ kind, message }) => ({ kind, message })));
    if (matched.length === 0 && f === "relu") {
      const hint = offUnitsHint(exact, comparison, l);
      if (hint !== undefined) pattern.push(hint);
    }
  });
  return { tested, pattern };
}

/**
 * "Errors only on units whose ReLU is off": layer l's failing W rows and b entries all belong to units with z ≤ 0 in
 * some sample, some always-on unit is right, and no layer above fails (else the error came from above).
 */
function offUnitsHint(exact: ExactGradients, comparison: Comparison, l: number): Hint | undefined {
  const name = l + 1;
  const units = new Set<number>();
  for (const e of comparison.failures) {
    const m = /^([Wb])(\d+)\[(\d+)\]/.exec(e.entry);
    if (m === null) continue;
    const layer = Number(m[2]) - 1;
    if (layer > l) return undefined;
    if (layer === l) units.add(Number(m[3]));
  }
  if (units.size === 0) return undefined;
  const z = exact.layers[l]!.z;
  const off = (i: number) => z.some((zs) => zs[i]! <= 0);
  const width = z[0]!.length;
  const alwaysOn = Array.from({ length: width }, (_, i) => i).filter((i) => !off(i));
  if (![...units].every(off) || alwaysOn.length === 0) return undefined;
  const list = listNames([...units].sort((a, b) => a - b).map(String));
  const exactlyZero = [...units].every((i) => z.every((zs) => zs[i]! >= 0));
  return exactlyZero
    ? { kind: "relu-derivative-at-zero", message: `errors only on units ${list} of layer ${name}, whose z is exactly 0: ReLU′(0) ≠ 0? (the convention is ReLU′(0) = 0)` }
    : { kind: "relu-off-units", message: `errors only on units ${list} of layer ${name}, whose ReLU is off (z ≤ 0) in some sample, while the always-on units are right: a ReLU mask bug (ReLU′ ≠ 0 where z ≤ 0)?` };
}
