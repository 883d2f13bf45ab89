/**
 * Properties of softmax through the `activation` method (a logit vector in, the value vector and the Jacobian
 * out), on logits up to ±1024 and shifts up to ±8192: every bound is the activation audit's per-entry bound (see
 * `softmaxTolerance`), so a correct implementation passes for every finite z and a naive e^z / Σ e^z does not.
 */
import fc from "fast-check";
import { DTYPES } from "../gradcheck/index.ts";
import type { Check, CheckNeeds } from "../harness/check.ts";
import { layerActivationAnswer } from "./activationAnswer.ts";
import { softmaxTolerance } from "./activationTolerances.ts";
import { logitShiftArb, logitVectorArb } from "./arbitraries/index.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, rangeEntry, relationEntry, showNumber } from "./relation.ts";

const U64 = 2 ** -53;
const needs: CheckNeeds = { methods: ["activation"], activations: ["softmax"] };
const show = (z: readonly number[]) => `(${z.map(showNumber).join(", ")})`;

/** The softmax properties. */
export function softmaxProperties(): Check[] {
  return [
    propertyCheck({
      id: "property/softmax/sums-to-one",
      description: "softmax(z) is finite with every entry in [0, 1] and |Σ_i a_i − 1| ≤ Σ_i tol_i + K·u₆₄, tol_i the audit's bound on a_i (max(LOSSY_ULPS ulps, SAFETY·u·a_i·(T + |z_i − max z| + K)) + absFloor), for logit vectors of 1–8 entries up to |z| = 1024.",
      needs,
      casesPerRun: 1,
      arbitrary: () => logitVectorArb(),
      predicate: async (z, context) => {
        const { value } = await layerActivationAnswer(context, "softmax", z);
        const { valueTolerance } = softmaxTolerance(z, context.dtype, context.oracle);
        const K = z.length;
        const sum = value.reduce((s, a) => s + a, 0);
        const tolerance = valueTolerance.reduce((s, t) => s + t, 0) + K * U64;
        assertRelation(`softmax${show(z)} sums to 1`, [
          ...value.map((a, i) => rangeEntry(`softmax(z)[${i}]`, a, 0, 1 + valueTolerance[i]!, "e^(z_i − m) / Σ_j e^(z_j − m) lies in [0, 1]")),
          relationEntry("Σ_i softmax(z)[i]", 1, sum, tolerance, `the sum of the ${K} entries' bounds and of this sum's own rounding`),
        ], { z, value, sum });
      },
    }),
    propertyCheck({
      id: "property/softmax/shift-invariant",
      description: "softmax(z + c) = softmax(z) and so do their Jacobians, entry by entry within twice the audit's bound on each side, for a shift c on the 2^−8 grid with |c| ≤ 8192 (z + c exact in float32 and float64), huge logits included (z = (1000, 0) shifted by 1000 overflows a naive e^z).",
      needs,
      casesPerRun: 1,
      shrinkBudget: 200,
      arbitrary: () => fc.record({ z: logitVectorArb(), c: logitShiftArb() }),
      predicate: async ({ z, c: drawn }, context) => {
        const c = exactShift(z, drawn, DTYPES[context.dtype].round);
        const shifted = z.map((zi) => zi + c);
        if (shifted.some((v, i) => Math.fround(v) !== v || v - c !== z[i])) throw new Error(`property/softmax/shift-invariant: z + c is not exact for z = ${show(z)}, c = ${c}`);
        const [a0, a1] = await Promise.all([layerActivationAnswer(context, "softmax", z), layerActivationAnswer(context, "softmax", shifted)]);
        // z_i − max z is the same for both vectors, so the bounds are too
        const { valueTolerance, jacobianTolerance } = softmaxTolerance(z, context.dtype, context.oracle);
        const why = "2 × the audit's bound on each side";
        const entries = [
          ...a0.value.map((v, i) => relationEntry(`softmax(z + c)[${i}]`, v, a1.value[i]!, 4 * valueTolerance[i]!, why)),
          ...a0.derivative.flatMap((row, i) => row.map((v, j) => relationEntry(`J(z + c)[${i}][${j}]`, v, a1.derivative[i]![j]!, 4 * jacobianTolerance[i]![j]!, why))),
        ];
        assertRelation(`softmax${show(z)} = softmax of it shifted by ${showNumber(c)}`, entries, { z, c, value: a0.value, shiftedValue: a1.value });
      },
    }),
    propertyCheck({
      id: "property/softmax/jacobian-identity",
      description: "The Jacobian is J_ij = a_i(δ_ij − a_j) from the implementation's own a = softmax(z) (every row, off-diagonal entries included, not only a ⊙ (1 − a)), within twice the audit's bound on J_ij and on the a it is formed from.",
      needs,
      casesPerRun: 1,
      arbitrary: () => logitVectorArb({ minLength: 2 }),
      predicate: async (z, context) => {
        const { value: a, derivative: J } = await layerActivationAnswer(context, "softmax", z);
        const { valueTolerance: ta, jacobianTolerance: tJ } = softmaxTolerance(z, context.dtype, context.oracle);
        const floor = DTYPES[context.dtype].absFloor;
        const entries = J.flatMap((row, i) => row.map((Jij, j) => {
          const expected = i === j ? a[i]! * (1 - a[i]!) : -a[i]! * a[j]!;
          // the error of a_i (and a_j) carried through a_i(δ_ij − a_j), and this float64 product's own rounding
          const fromA = i === j ? 2 * ta[i]! * Math.abs(1 - 2 * a[i]!) + 4 * ta[i]! ** 2 : 2 * (ta[i]! * Math.abs(a[j]!) + ta[j]! * Math.abs(a[i]!)) + 4 * ta[i]! * ta[j]!;
          return relationEntry(`J[${i}][${j}]`, expected, Jij, 2 * tJ[i]![j]! + fromA + 2 * U64 * Math.abs(expected) + floor, `a_i(δ_ij − a_j) with a = (${a.join(", ")})`);
        }));
        assertRelation(`the Jacobian of softmax${show(z)} is diag(a) − a·aᵀ`, entries, { z, value: a, jacobian: J });
      },
    }),
  ];
}

/**
 * The drawn shift, or — for a dtype that cannot hold z + c exactly (float16's 11 bits cannot hold 1000 + 2^−8) — c
 * halved until it can (0 at worst): the property compares softmax at two vectors the implementation holds exactly.
 */
function exactShift(z: readonly number[], c: number, round: (x: number) => number): number {
  let s = c;
  while (s !== 0 && z.some((zi) => round(zi + s) !== zi + s || zi + s - s !== zi)) s = Math.abs(s) < 2 ** -8 ? 0 : s / 2;
  return s;
}
