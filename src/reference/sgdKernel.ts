/**
 * The hot loop of `train`, specialised per network shape: why it exists, and what it must not change.
 *
 * The generic loop (train.ts) walks arrays of layer objects and calls each layer's activation through a property
 * (`f.value(z)`), one call site for every activation, with every parameter read from and written to memory: V8
 * cannot keep anything in registers there, and 100,000 steps of the seed network cost ~8–11× plain C. For a small
 * network this module writes, once per shape, the same equations as straight-line JavaScript — loops unrolled,
 * every weight, bias and activation in a local variable for the whole run, each activation called through its own
 * call site (so V8 inlines it) — and compiles it with `new Function`. The activations' value and derivative are
 * the ones of the `activationFunctions` table, passed in, never re-implemented here.
 *
 * Bit for bit the generic loop: the same operations on the same operands in the same order (sums from 0, left to
 * right, `W − L·(0 + δ·a)` and `b − L·(0 + δ)` as gradients.ts's one-sample product and sum give them, −0 included),
 * so the trained parameters are identical (spec/reference/sgdKernel.spec.ts, spec/reference/train.spec.ts).
 * Anything it is not written for — a cost other than squared_error, a network field it does not know, an activation
 * that is not elementwise, a network too big to unroll — returns undefined from `sgdKernelFor`, and `train` takes the
 * generic loop, so the family of networks can grow without touching this file.
 */
import type { NetworkSpec } from "../network/types.ts";
import { activationFunctions, type ActivationFunction } from "./activationFunctions.ts";

/**
 * Runs SGD for every sample index of `order`: `P` holds every layer's W (row-major) then b, layer after layer, and is
 * updated in place; `X` and `Y` are the samples' inputs and targets, row after row; `costs[k]`, when given, gets
 * sample order[k]'s cost before step k.
 */
export type SgdKernel = (P: Float64Array, X: Float64Array, Y: Float64Array, order: ArrayLike<number>, L: number, costs: number[] | undefined) => void;

/** Above this many parameters the unrolled code would be too long to be worth it: the generic loop runs. */
export const MAX_SPECIALISED_PARAMS = 512;

/** The network fields the kernel knows; a network with any other field takes the generic loop. */
const KNOWN_FIELDS = new Set(["layers", "activations", "cost"]);

const kernels = new Map<string, SgdKernel>();

/** The specialised kernel for `network`'s shape (made once, then cached), or undefined where the generic loop must run. */
export function sgdKernelFor(network: NetworkSpec): SgdKernel | undefined {
  if (network.cost !== "squared_error" || Object.keys(network).some((k) => !KNOWN_FIELDS.has(k))) return undefined;
  const { layers, activations } = network;
  const functions: ActivationFunction[] = [];
  for (const name of activations) {
    const f = (activationFunctions as Readonly<Record<string, ActivationFunction | undefined>>)[name];
    // elementwise: a value and a derivative of one number (a softmax, say, would be neither)
    if (f === undefined || typeof f.value !== "function" || typeof f.derivative !== "function" || f.value.length > 1 || f.derivative.length > 1) return undefined;
    if ((f as { elementwise?: boolean }).elementwise === false) return undefined;
    functions.push(f);
  }
  let count = 0;
  for (let l = 1; l < layers.length; l++) count += layers[l]! * (layers[l - 1]! + 1);
  if (count > MAX_SPECIALISED_PARAMS || activations.length !== layers.length - 1) return undefined;
  const key = `${layers.join("-")}:${activations.join("-")}`;
  let kernel = kernels.get(key);
  if (kernel === undefined) {
    const make = new Function("fs", kernelSource(layers)) as (fs: readonly ActivationFunction[]) => SgdKernel;
    kernel = make(functions);
    kernels.set(key, kernel);
  }
  return kernel;
}

/**
 * The JavaScript of the kernel for `layers`, as the body of `function (fs)` returning the kernel. Names: `w<l>_<i>_<j>`
 * = W_l[i][j], `b<l>_<i>`, `z<l>_<i>`, `a<l>_<i>` (a0 = the input), `d<l>_<i>` = f′(z), `g<l>_<i>` = dC/da, `e<l>_<i>` = δ.
 */
function kernelSource(layers: readonly number[]): string {
  const L = layers.length - 1;
  const out: string[] = [];
  const line = (s: string) => out.push(s);
  for (let l = 1; l <= L; l++) line(`const fv${l} = fs[${l - 1}].value, fd${l} = fs[${l - 1}].derivative;`);
  line("return function sgdKernel(P, X, Y, order, L, costs) {");
  // load: every parameter into a local
  let p = 0;
  const offsets: { W: number[][]; b: number[] }[] = [];
  for (let l = 1; l <= L; l++) {
    const W: number[][] = [];
    for (let i = 0; i < layers[l]!; i++) W.push(Array.from({ length: layers[l - 1]! }, () => p++));
    const b = Array.from({ length: layers[l]! }, () => p++);
    offsets.push({ W, b });
    for (let i = 0; i < layers[l]!; i++) line(`  let ${W[i]!.map((q, j) => `w${l}_${i}_${j} = P[${q}]`).join(", ")}, b${l}_${i} = P[${b[i]}];`);
  }
  const nIn = layers[0]!;
  const nOut = layers[L]!;
  line("  for (let k = 0; k < order.length; k++) {");
  line("    const s = order[k];");
  line(`    const ${Array.from({ length: nIn }, (_, j) => `a0_${j} = X[s * ${nIn} + ${j}]`).join(", ")};`);
  // forward: z = W·a_prev + b (summed from 0, left to right), a = f(z), d = f′(z)
  for (let l = 1; l <= L; l++) {
    for (let i = 0; i < layers[l]!; i++) {
      const sum = ["0", ...Array.from({ length: layers[l - 1]! }, (_, j) => `w${l}_${i}_${j} * a${l - 1}_${j}`)].join(" + ");
      line(`    const z${l}_${i} = ${sum} + b${l}_${i};`);
      line(`    const a${l}_${i} = fv${l}(z${l}_${i}), d${l}_${i} = fd${l}(z${l}_${i});`);
    }
  }
  // cost C = Σ (a − y)² from 0, and dC/da = 2(a − y)
  line("    let cost = 0;");
  for (let i = 0; i < nOut; i++) {
    line(`    const r${i} = a${L}_${i} - Y[s * ${nOut} + ${i}];`);
    line(`    cost += r${i} * r${i};`);
    line(`    const g${L}_${i} = 2 * r${i};`);
  }
  line("    if (costs !== undefined) costs[k] = cost;");
  // backward: δ = dC/da ⊙ f′(z); dC/da_prev = Wᵀ·δ before W changes; then W −= L·(0 + δ·a_prevᵀ), b −= L·(0 + δ)
  for (let l = L; l >= 1; l--) {
    for (let i = 0; i < layers[l]!; i++) line(`    const e${l}_${i} = g${l}_${i} * d${l}_${i};`);
    if (l > 1) {
      for (let j = 0; j < layers[l - 1]!; j++) {
        const sum = ["0", ...Array.from({ length: layers[l]! }, (_, i) => `w${l}_${i}_${j} * e${l}_${i}`)].join(" + ");
        line(`    const g${l - 1}_${j} = ${sum};`);
      }
    }
    for (let i = 0; i < layers[l]!; i++) {
      for (let j = 0; j < layers[l - 1]!; j++) line(`    w${l}_${i}_${j} = w${l}_${i}_${j} - L * (0 + e${l}_${i} * a${l - 1}_${j});`);
      line(`    b${l}_${i} = b${l}_${i} - L * (0 + e${l}_${i});`);
    }
  }
  line("  }");
  // store: the locals back into P
  for (let l = 1; l <= L; l++) {
    const { W, b } = offsets[l - 1]!;
    for (let i = 0; i < layers[l]!; i++) line(`  ${W[i]!.map((q, j) => `P[${q}] = w${l}_${i}_${j}`).join("; ")}; P[${b[i]}] = b${l}_${i};`);
  }
  line("};");
  return out.join("\n");
}
