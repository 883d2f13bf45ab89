import { biasName, weightName } from "../gradcheck/index.ts";
import type { Params, Vector } from "../network/types.ts";

/** The parameters as one vector, in the order W1 row by row, b1, W2, b2, …, with the seed's names (`W1[0][2]`, `b1[1]`). */
export function flattenParams(params: Params): { readonly theta: number[]; readonly names: string[] } {
  const theta: number[] = [], names: string[] = [];
  params.forEach(({ W, b }, l) => {
    W.forEach((row, i) => row.forEach((w, j) => (theta.push(w), names.push(weightName(l, i, j)))));
    b.forEach((v, i) => (theta.push(v), names.push(biasName(l, i))));
  });
  return { theta, names };
}

/** Parameters shaped like `like` holding the values of `vector` (the inverse of `flattenParams`). */
export function unflattenParams(vector: Vector, like: Params): Params {
  const count = like.reduce((n, { W, b }) => n + W.length * (W[0]?.length ?? 0) + b.length, 0);
  if (vector.length !== count) throw new RangeError(`unflattenParams: expected ${count} values, got ${vector.length}`);
  let k = 0;
  return like.map(({ W, b }) => ({ W: W.map((row) => row.map(() => vector[k++]!)), b: b.map(() => vector[k++]!) }));
}
