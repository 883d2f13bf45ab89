import type {
  ActivationRequest, ForwardRequest, GradientsRequest, Method, StepRequest, TrainRequest,
} from "../implementation.ts";

/** The request type of each numeric method. */
export interface RequestByMethod {
  readonly forward: ForwardRequest;
  readonly gradients: GradientsRequest;
  readonly step: StepRequest;
  readonly train: TrainRequest;
  readonly activation: ActivationRequest;
}

const MAX_PROBLEMS = 20;

/**
 * What is wrong with the *shape* of a (decoded) `result` for `request`: missing keys, arrays of the wrong
 * length (`layers[0].z[1] has 2 entries, expected 3 (units of layer 1)`), non-numbers. Empty when the shape is
 * right. NaN and ±Infinity are numbers here: whether they are wrong is for the checks to say.
 */
export function shapeProblems<M extends Method>(method: M, request: RequestByMethod[M], result: unknown): string[] {
  const problems: string[] = [];
  const report = (message: string): void => void problems.push(message);
  const r = (typeof result === "object" && result !== null && !Array.isArray(result) ? result : undefined) as
    Record<string, unknown> | undefined;
  if (r === undefined) return [`result is ${JSON.stringify(result)?.slice(0, 80) ?? "missing"}, expected an object`];
  if (method === "activation") {
    const { name, x } = request as ActivationRequest;
    vector(r.value, "value", x.length, "one per entry of x", report);
    // softmax answers its Jacobian, derivative[i][j] = ∂value[i]/∂x[j]; the elementwise ones one f′ per entry
    if (name === "softmax") matrix(r.derivative, "derivative", [x.length, "one row per entry of x"], [x.length, "one column per entry of x"], report);
    else vector(r.derivative, "derivative", x.length, "one per entry of x", report);
  } else {
    const { network, inputs } = request as ForwardRequest;
    const units = network.layers;
    const paramShapes = (value: unknown, name: string): void => {
      if (!array(value, name, units.length - 1, "one per layer after the input", report)) return;
      value.forEach((p, l) => {
        if (!object(p, `${name}[${l}]`, ["W", "b"], report)) return;
        matrix(p.W, `${name}[${l}].W`, [units[l + 1]!, `units of layer ${l + 1}`], [units[l]!, `units of layer ${l}`], report);
        vector(p.b, `${name}[${l}].b`, units[l + 1]!, `units of layer ${l + 1}`, report);
      });
    };
    if (method === "forward") {
      if (array(r.layers, "layers", units.length - 1, "one per layer after the input", report)) {
        r.layers.forEach((values, l) => {
          if (!object(values, `layers[${l}]`, ["z", "a"], report)) return;
          for (const key of ["z", "a"]) {
            matrix(values[key], `layers[${l}].${key}`, [inputs.length, "one per sample"], [units[l + 1]!, `units of layer ${l + 1}`], report);
          }
        });
      }
    } else if (method === "gradients") {
      number(r.cost, "cost", report);
      paramShapes(r.grads, "grads");
    } else {
      paramShapes(r.params, "params");
      if (method === "train" && r.costs !== undefined) {
        vector(r.costs, "costs", (request as TrainRequest).order.length, "one per entry of order", report);
      }
      const optimizer = (request as StepRequest).optimizer;
      if (optimizer !== undefined && object(r.state, "state", optimizer.name === "sgd" ? ["momentumBuffer"] : ["step", "m", "v"], report)) {
        // sgd: the momentum buffer, null before any momentum step; adam, adamw: the step count and both moments
        if (optimizer.name === "sgd") {
          if (r.state.momentumBuffer !== null) paramShapes(r.state.momentumBuffer, "state.momentumBuffer");
        } else {
          if (!Number.isInteger(r.state.step) || (r.state.step as number) < 0) report(`state.step is ${show(r.state.step)}, expected an integer ≥ 0 (the steps taken)`);
          paramShapes(r.state.m, "state.m");
          paramShapes(r.state.v, "state.v");
        }
      }
    }
  }
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more shape problems`];
}

type Report = (message: string) => void;

function object(value: unknown, name: string, keys: readonly string[], report: Report): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report(`${name} is ${show(value)}, expected an object with ${keys.map((k) => `"${k}"`).join(" and ")}`);
    return false;
  }
  return true;
}

function array(value: unknown, name: string, length: number, why: string, report: Report): value is unknown[] {
  if (!Array.isArray(value)) {
    report(`${name} is ${show(value)}, expected an array of ${length} (${why})`);
    return false;
  }
  if (value.length !== length) report(`${name} has ${value.length} entries, expected ${length} (${why})`);
  return true;
}

function matrix(value: unknown, name: string, [rows, rowsWhy]: [number, string], [cols, colsWhy]: [number, string], report: Report): void {
  if (!Array.isArray(value)) return report(`${name} is ${show(value)}, expected ${rows} × ${cols} numbers (${rowsWhy} × ${colsWhy})`);
  if (value.length !== rows) report(`${name} has ${value.length} rows, expected ${rows} (${rowsWhy})`);
  value.forEach((row, i) => vector(row, `${name}[${i}]`, cols, colsWhy, report));
}

function vector(value: unknown, name: string, length: number, why: string, report: Report): void {
  if (!array(value, name, length, why, report)) return;
  value.forEach((x, i) => number(x, `${name}[${i}]`, report));
}

function number(value: unknown, name: string, report: Report): void {
  if (typeof value !== "number") report(`${name} is ${show(value)}, expected a number`);
}

function show(value: unknown): string {
  return value === undefined ? "missing" : JSON.stringify(value).slice(0, 60);
}
