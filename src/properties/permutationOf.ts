/** The permutation that sorts `keys[0..n)` (ties by index); never the identity when n ≥ 2 (then it is reversed). */
export function permutationOf(keys: readonly number[], n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => keys[i]! - keys[j]! || i - j);
  return order.every((v, i) => v === i) ? order.reverse() : order;
}
