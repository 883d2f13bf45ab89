/**
 * The seed chapter's published numpy code (Example 7-11), line by line, BUGS INCLUDED ON PURPOSE: the names are the
 * printed ones (`w_hidden`, `dC_dW1`, `forward_prop`) so each line can be laid beside the book's. `@`, `*`, `+`, `-`
 * follow numpy's shape and broadcasting rules (numpyLike.ts), so what numpy would compute — or raise — happens here.
 *
 * OCR readings taken (the scan drops underscores and cuts the update lines at a column break):
 *   `dC dA2 = 2 * A2 - 2 * Y` → `dC_dA2 = …`, and likewise for every `dX dY` name (the other lines print them with `_`);
 *   `d_{\text{logistic}} = lambda x: …` → `d_logistic` (LaTeX residue of the name);
 *   `w hidden -= L * dW1` → `w_hidden -= L * dW1`   (underscore lost, as in `w hidden = np.random.rand(3, 3)`);
 *   `b hidden -= L`       → `b_hidden -= L * dB1`   (cut at the column break; dB1 is the one returned value the
 *                                                    printed lines leave unused, and the four lines share one pattern);
 *   `w_output -= L *`     → `w_output -= L * dW2`   (cut likewise; dW2 is the other unused value);
 *   `b_output -= L * dB2`    as printed.
 * The listing never assigns L (its three comment lines about the learning rate survive, the line after them does
 * not): the port takes L from the request; the chapter's value is 0.05. `range(180 080)` reads `range(100_000)`.
 */
import type { Matrix } from "ml-matrix";
import { add, map, matmul, mul, sub, subtractInPlace, type Arr } from "./numpyLike.ts";

/** The four parameter arrays of the published code, in its shapes: (3,3), (3,1), (1,3), (1,1). */
export interface SeedArrays {
  readonly w_hidden: Matrix;
  readonly b_hidden: Matrix;
  readonly w_output: Matrix;
  readonly b_output: Matrix;
}

// Activation functions
/** `relu = lambda x: np.maximum(x, 0)` — np.maximum propagates NaN and gives +0 for −0 (numpy 2.x). */
export const relu = (x: Arr): Arr => map(x, (v) => (Number.isNaN(v) ? v : v > 0 ? v : 0));
/** `logistic = lambda x: 1 / (1 + np.exp(-x))` — not the stable form: exp(−x) overflows below x ≈ −709.78 (to 0, harmlessly). */
export const logistic = (x: Arr): Arr => map(x, (v) => 1 / (1 + Math.exp(-v)));

// Derivatives of Activation functions
/** `d_relu = lambda x: x > 0` — a bool array; numpy reads True/False as 1.0/0.0 in `@` and `*`, so ReLU′(0) = 0. */
export const d_relu = (x: Arr): Arr => map(x, (v) => (v > 0 ? 1 : 0));
/**
 * `d_logistic = lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2` — (1 + e)² overflows to inf below x ≈ −354.89 (giving
 * 0), and e itself below x ≈ −709.78 (giving inf/inf = NaN). numpy squares for `** 2` (x·x), and so does the port.
 */
export const d_logistic = (x: Arr): Arr => map(x, (v) => {
  const e = Math.exp(-v);
  const onePlusE = 1 + e;
  return e / (onePlusE * onePlusE);
});

/** Runs inputs through the neural network to get predicted outputs: X is (3, samples). */
export function forward_prop(net: SeedArrays, X: Matrix) {
  const Z1 = add(matmul(net.w_hidden, X), net.b_hidden) as Matrix;
  const A1 = relu(Z1) as Matrix;
  const Z2 = add(matmul(net.w_output, A1), net.b_output) as Matrix;
  const A2 = logistic(Z2) as Matrix;
  return { Z1, A1, Z2, A2 };
}

/**
 * Returns slopes for weights and biases using chain rule — as printed. For one sample (X (3,1), Y (1,1)):
 * dC_dA1 is (1,3), and `dC_dA1 @ dA1_dZ1` is a (1,3)@(3,1) product: it SUMS δ1 over the hidden units where an
 * element-wise product belongs, so dC_dW1 comes out (1,3) — every row the sum of the true rows — and dC_dB1 (1,1).
 * For more than one sample, `dC_dA2 @ dA2_dZ2` is (1,n)@(1,n) and numpy raises.
 */
export function backward_prop(net: SeedArrays, Z1: Matrix, A1: Matrix, Z2: Matrix, A2: Matrix, X: Matrix, Y: Matrix) {
  const dC_dA2 = sub(mul(2, A2), mul(2, Y)) as Matrix;
  const dA2_dZ2 = d_logistic(Z2) as Matrix;
  const dZ2_dA1 = net.w_output;
  const dZ2_dW2 = A1;
  const dZ2_dB2 = 1;
  const dA1_dZ1 = d_relu(Z1) as Matrix;
  const dZ1_dW1 = X;
  const dZ1_dB1 = 1;

  // Python's @ and * share one precedence level and group left to right: a @ b @ c = (a @ b) @ c, a @ b * c = (a @ b) * c.
  const dC_dW2 = matmul(matmul(dC_dA2, dA2_dZ2), dZ2_dW2.transpose());
  const dC_dB2 = mul(matmul(dC_dA2, dA2_dZ2), dZ2_dB2) as Matrix;

  const dC_dA1 = matmul(matmul(dC_dA2, dA2_dZ2), dZ2_dA1);
  const dC_dW1 = matmul(matmul(dC_dA1, dA1_dZ1), dZ1_dW1.transpose());
  const dC_dB1 = mul(matmul(dC_dA1, dA1_dZ1), dZ1_dB1) as Matrix;

  return { dC_dW1, dC_dB1, dC_dW2, dC_dB2 };
}

/**
 * `# update weights and biases`, the OCR-restored four lines (see the module comment); numpy's `-=` broadcasts
 * dW1 (1,3) over the three rows of w_hidden and dB1 (1,1) over the three entries of b_hidden.
 */
export function update(net: SeedArrays, grads: ReturnType<typeof backward_prop>, L: number): SeedArrays {
  const { dC_dW1: dW1, dC_dB1: dB1, dC_dW2: dW2, dC_dB2: dB2 } = grads;
  return {
    w_hidden: subtractInPlace(net.w_hidden, mul(L, dW1)), // w_hidden -= L * dW1
    b_hidden: subtractInPlace(net.b_hidden, mul(L, dB1)), // b_hidden -= L * dB1
    w_output: subtractInPlace(net.w_output, mul(L, dW2)), // w_output -= L * dW2
    b_output: subtractInPlace(net.b_output, mul(L, dB2)), // b_output -= L * dB2
  };
}

/** The chapter's cost C = (A2 − Y)² (the printed loop never computes it; the port reports it from the same A2). */
export function cost(A2: Matrix, Y: Matrix): Arr {
  const error = sub(A2, Y);
  return mul(error, error);
}
