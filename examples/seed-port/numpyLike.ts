/**
 * Just enough of numpy's 2-D semantics to run the seed's published code as printed: `@` with numpy's shape rule,
 * element-wise operators with numpy's broadcasting, and the errors numpy raises when shapes do not fit (with
 * numpy's own messages). Arrays are ml-matrix `Matrix` values; a Python scalar is a `number`.
 */
import { Matrix } from "ml-matrix";

/** A 2-D float64 array, or a Python scalar (which broadcasts against anything). */
export type Arr = Matrix | number;

/** What numpy raises as `ValueError` when shapes do not fit; the seed port turns it into an ImplementationError. */
export class NumpyValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NumpyValueError";
  }
}

const shapeOf = (a: Matrix): string => `(${a.rows},${a.columns})`;

/** A 2-D array from rows, as `np.array(rows)`. */
export function array(rows: readonly (readonly number[])[]): Matrix {
  return new Matrix(rows.map((r) => [...r]));
}

/**
 * `a @ b` for 2-D arrays: (n×k)@(k×m) → (n×m); any other k raises numpy's ValueError. (numpy hands float64
 * products to BLAS, whose summation order may differ from ml-matrix's by an ulp; both are correct roundings.)
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.columns !== b.rows) {
    throw new NumpyValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${b.rows} is different from ${a.columns})`);
  }
  return a.mmul(b);
}

/** numpy's broadcast of two 2-D shapes: each dimension equal, or 1 and stretched; otherwise numpy's ValueError. */
function broadcastShape(a: Matrix, b: Matrix): [number, number] {
  const dim = (x: number, y: number) => (x === y || y === 1 ? x : x === 1 ? y : -1);
  const rows = dim(a.rows, b.rows), columns = dim(a.columns, b.columns);
  if (rows < 0 || columns < 0) throw new NumpyValueError(`operands could not be broadcast together with shapes ${shapeOf(a)} ${shapeOf(b)} `);
  return [rows, columns];
}

/** An element-wise binary operator with numpy broadcasting (`a + b`, `a * b`, …). */
export function elementwise(a: Arr, b: Arr, op: (x: number, y: number) => number): Arr {
  if (typeof a === "number" && typeof b === "number") return op(a, b);
  const A = typeof a === "number" ? Matrix.from1DArray(1, 1, [a]) : a;
  const B = typeof b === "number" ? Matrix.from1DArray(1, 1, [b]) : b;
  const [rows, columns] = broadcastShape(A, B);
  const out = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      out.set(i, j, op(A.get(A.rows === 1 ? 0 : i, A.columns === 1 ? 0 : j), B.get(B.rows === 1 ? 0 : i, B.columns === 1 ? 0 : j)));
    }
  }
  return out;
}

export const add = (a: Arr, b: Arr): Arr => elementwise(a, b, (x, y) => x + y);
export const sub = (a: Arr, b: Arr): Arr => elementwise(a, b, (x, y) => x - y);
export const mul = (a: Arr, b: Arr): Arr => elementwise(a, b, (x, y) => x * y);
export const div = (a: Arr, b: Arr): Arr => elementwise(a, b, (x, y) => x / y);

/** A ufunc applied to every entry (`np.exp(x)`, `x > 0`, …). */
export function map(a: Arr, f: (x: number) => number): Arr {
  if (typeof a === "number") return f(a);
  const out = new Matrix(a.rows, a.columns);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.columns; j++) out.set(i, j, f(a.get(i, j)));
  return out;
}

/**
 * `target -= value` in place, numpy's way: `value` broadcasts to `target`'s shape, or numpy raises "non-broadcastable
 * output operand". Returns the new array (the port keeps its values immutable).
 */
export function subtractInPlace(target: Matrix, value: Arr): Matrix {
  const result = sub(target, value) as Matrix;
  if (result.rows !== target.rows || result.columns !== target.columns) {
    throw new NumpyValueError(`non-broadcastable output operand with shape ${shapeOf(target)} doesn't match the broadcast shape ${shapeOf(result)}`);
  }
  return result;
}

/** `np.broadcast_to(a, (rows, columns))`: what an array looks like once broadcast to a parameter's shape. */
export function broadcastTo(a: Arr, rows: number, columns: number): Matrix {
  const A = typeof a === "number" ? Matrix.from1DArray(1, 1, [a]) : a;
  const fits = (from: number, to: number) => from === to || from === 1;
  if (!fits(A.rows, rows) || !fits(A.columns, columns)) {
    throw new NumpyValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeOf(A)} and requested shape (${rows},${columns})`);
  }
  const out = new Matrix(rows, columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out.set(i, j, A.get(A.rows === 1 ? 0 : i, A.columns === 1 ? 0 : j));
  return out;
}

/** A 2-D array as a JS matrix (`ndarray.tolist()`); a scalar becomes [[x]]. */
export function toRows(a: Arr): number[][] {
  return typeof a === "number" ? [[a]] : a.to2DArray();
}

/** The only entry of a (1, 1) array or a scalar, as numpy's `.item()`. */
export function item(a: Arr): number {
  if (typeof a === "number") return a;
  if (a.rows !== 1 || a.columns !== 1) throw new NumpyValueError("can only convert an array of size 1 to a Python scalar");
  return a.get(0, 0);
}
