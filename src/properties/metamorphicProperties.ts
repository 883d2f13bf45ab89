/** Metamorphic properties: transforming the first hidden layer in ways that cannot change the function. */
import fc from "fast-check";
import { biasName, layerValueName, weightName, type EntryResult, type ParamScales } from "../gradcheck/index.ts";
import type { Check } from "../harness/check.ts";
import type { LayerParams, Params } from "../network/types.ts";
import { forwardRequestOf, gradientsRequestOf, networkCaseArb, uniformDouble } from "./arbitraries/index.ts";
import { engineTolerances, oracleRemark } from "./engineTolerances.ts";
import { permutationOf } from "./permutationOf.ts";
import { forwardAnswer, gradientsAnswer } from "./networkAnswers.ts";
import { PROPERTY_NETWORK, propertyId, reluFirstLayer, type PropertyShape } from "./networks.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, namedForward, namedGradients, ownRounding, relationEntry, toleranceOf } from "./relation.ts";

const BOTH_SIDES = "2 × the engine's tolerance on each side";

/** Params with hidden unit k of layer 1 taken from unit π[k]: rows of W1 and b1, columns of W2. */
export function permuteHiddenUnits(params: Params, pi: readonly number[]): Params {
  const [first, second, ...rest] = params as [LayerParams, LayerParams, ...LayerParams[]];
  return [
    { W: pi.map((p) => first.W[p]!), b: pi.map((p) => first.b[p]!) },
    { W: second.W.map((row) => pi.map((p) => row[p]!)), b: second.b },
    ...rest,
  ];
}

/** Params with hidden unit i of layer 1 rescaled: its row of W1 and its b1 times c, its column of W2 divided by c. */
export function rescaleHiddenUnit(params: Params, i: number, c: number): Params {
  const [first, second, ...rest] = params as [LayerParams, LayerParams, ...LayerParams[]];
  return [
    { W: first.W.map((row, k) => (k === i ? row.map((w) => w * c) : row)), b: first.b.map((v, k) => (k === i ? v * c : v)) },
    { W: second.W.map((row) => row.map((w, k) => (k === i ? w / c : w))), b: second.b },
    ...rest,
  ];
}

/**
 * The metamorphic properties on `shape` (default the built-in network), those that fit it: permute-hidden where
 * there is a hidden layer, relu-rescale where the first layer is ReLU.
 */
export function metamorphicProperties(shape: PropertyShape = { network: PROPERTY_NETWORK }): Check[] {
  const { network } = shape;
  if (network.layers.length < 3) return [];
  const hidden = network.layers[1]!;
  const last = network.layers.length - 2;
  return [
    propertyCheck({
      id: propertyId("property/metamorphic/permute-hidden", shape),
      description: "Permuting the hidden units (rows of W1 and b1, columns of W2) permutes Z1, A1 and the gradients the same way and leaves the output and the cost unchanged.",
      needs: { methods: ["forward", "gradients"], networks: [network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(network), keys: fc.array(fc.nat(), { minLength: hidden, maxLength: hidden }) }),
      predicate: async ({ c, keys }, context) => {
        const pi = permutationOf(keys, hidden);
        const request = gradientsRequestOf(c);
        const permuted = { ...request, params: permuteHiddenUnits(c.params, pi) };
        const [f0, f1, g0, g1] = await Promise.all([forwardAnswer(context, forwardRequestOf(c)), forwardAnswer(context, { ...forwardRequestOf(c), params: permuted.params }), gradientsAnswer(context, request), gradientsAnswer(context, permuted)]);
        const exact = engineTolerances(request, context); // rounding scales are symmetric in the hidden units
        const { byEntry } = exact;
        const terms = c.inputs.length + Math.max(...network.layers) + 1;
        const pair = (name: string, original: string, expected: number, actual: number) =>
          relationEntry(name, expected, actual, 4 * toleranceOf(byEntry, original) + ownRounding(expected, actual, terms, context.dtype), `${original} of the original network; ${BOTH_SIDES}, and their own rounding`);
        const entries: EntryResult[] = [pair("cost", "cost", g0.cost, g1.cost)];
        c.inputs.forEach((_, s) => {
          pi.forEach((p, k) => {
            entries.push(pair(layerValueName("Z", 0, s, k), layerValueName("Z", 0, s, p), f0.layers[0]!.z[s]![p]!, f1.layers[0]!.z[s]![k]!));
            entries.push(pair(layerValueName("A", 0, s, k), layerValueName("A", 0, s, p), f0.layers[0]!.a[s]![p]!, f1.layers[0]!.a[s]![k]!));
          });
          for (const [key, what] of [["z", "Z"], ["a", "A"]] as const) {
            f0.layers[last]![key][s]!.forEach((v, o) => entries.push(pair(layerValueName(what, last, s, o), layerValueName(what, last, s, o), v, f1.layers[last]![key][s]![o]!)));
          }
        });
        g0.grads[1]!.b.forEach((g, o) => entries.push(pair(biasName(1, o), biasName(1, o), g, g1.grads[1]!.b[o]!)));
        pi.forEach((p, k) => {
          g0.grads[0]!.W[p]!.forEach((g, j) => entries.push(pair(weightName(0, k, j), weightName(0, p, j), g, g1.grads[0]!.W[k]![j]!)));
          entries.push(pair(biasName(0, k), biasName(0, p), g0.grads[0]!.b[p]!, g1.grads[0]!.b[k]!));
          g0.grads[1]!.W.forEach((row, o) => entries.push(pair(weightName(1, o, k), weightName(1, o, p), row[p]!, g1.grads[1]!.W[o]![k]!)));
        });
        assertRelation(`permuting hidden units by [${pi.join(", ")}]`, entries, { permutation: pi, forward: [f0, f1], gradients: [g0, g1] }, () => oracleRemark(exact, [...namedForward(f0), ...namedGradients(g0)]));
      },
    }),
    ...(!reluFirstLayer(network) ? [] : [propertyCheck({
      id: propertyId("property/metamorphic/relu-rescale", shape),
      description: "Scaling a ReLU unit's incoming weights and bias by c ∈ [0.3, 3] and its outgoing weights by 1/c leaves the output layer's z and a unchanged (the engine's tolerances, counting the rounding of the scaled weights).",
      needs: { methods: ["forward"], networks: [network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(network), unit: fc.nat(hidden - 1), scale: uniformDouble(0.3, 3) }),
      predicate: async ({ c, unit, scale }, context) => {
        const request = gradientsRequestOf(c);
        const scaled = { ...request, params: rescaleHiddenUnit(c.params, unit, scale) };
        const [f0, f1] = await Promise.all([forwardAnswer(context, forwardRequestOf(c)), forwardAnswer(context, { ...forwardRequestOf(c), params: scaled.params })]);
        // the scaled weights are rounded: give them scale |θ′| (one rounding), as the engine does for rounded inputs
        const rounded = context.dtype !== "float64";
        const paramScales: ParamScales[] = scaled.params.map(({ W, b }, l) => ({
          W: W.map((row, k) => row.map((w, j) => (rounded || (l === 0 && k === unit) || (l === 1 && j === unit) ? Math.abs(w) : 0))),
          b: b.map((v, k) => (rounded || (l === 0 && k === unit) ? Math.abs(v) : 0)),
        }));
        const exact = engineTolerances(request, context);
        const tol0 = exact.byEntry;
        const tol1 = engineTolerances(scaled, context, paramScales).byEntry;
        const entries = c.inputs.flatMap((_, s) => (["z", "a"] as const).flatMap((key) => f0.layers[last]![key][s]!.map((v, o) => {
          const name = layerValueName(key === "z" ? "Z" : "A", last, s, o);
          const w = f1.layers[last]![key][s]![o]!;
          return relationEntry(name, v, w, 2 * toleranceOf(tol0, name) + 2 * toleranceOf(tol1, name) + ownRounding(v, w, Math.max(...network.layers) + 1, context.dtype), `${BOTH_SIDES}, and their own rounding`);
        })));
        assertRelation(`scaling hidden unit ${unit} by ${scale} in, 1/${scale} out`, entries, { unit, scale, outputs: [f0.layers[last], f1.layers[last]] }, () => oracleRemark(exact, namedForward(f0)));
      },
    })]),
  ];
}
