import { describe, expect, it } from "vitest";
import { auditVectorActivation } from "../../src/activationAudit/index.ts";
import { softmax64 } from "../../src/family/index.ts";
import { ImplementationError, type Implementation } from "../../src/implementation.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";

/** An implementation whose `activation("softmax")` is `value`/`jacobian` of the logits. */
function softmaxOnly(value: (z: readonly number[]) => number[], jacobian: (a: readonly number[]) => number[][]): Implementation {
  const unsupported = async (): Promise<never> => {
    throw new ImplementationError("unsupported", "softmax only");
  };
  return {
    hello: async () => ({ protocol: 1, name: "softmax-only", dtype: "float64", methods: ["activation"], activations: ["softmax"] }),
    forward: unsupported, gradients: unsupported, step: unsupported, train: unsupported,
    activation: async ({ x }) => {
      const a = value(x);
      return { value: a, derivative: jacobian(a) };
    },
  };
}

const fullJacobian = (a: readonly number[]) => a.map((ai, i) => a.map((aj, j) => (i === j ? ai * (1 - ai) : -ai * aj)));

describe("auditVectorActivation (softmax)", () => {
  it("passes the reference and simulated float32 arithmetic, on every logit vector", async () => {
    const ref = await auditVectorActivation(reference, "softmax", { dtype: "float64" });
    expect(ref.failures).toEqual([]);
    expect(ref.vectors.length).toBeGreaterThan(60);
    expect(ref.lossy).toEqual([]);
    const f32 = await auditVectorActivation(textbookImplementation({ arithmetic: "float32" }), "softmax", { dtype: "float32" });
    expect(f32.failures).toEqual([]);
  });

  it("fails a softmax without max-subtraction: e^1000 overflows, NaN at (1000, 0)", async () => {
    const naive = softmaxOnly((z) => {
      const e = z.map(Math.exp);
      const s = e.reduce((acc, x) => acc + x, 0);
      return e.map((x) => x / s);
    }, fullJacobian);
    const a = await auditVectorActivation(naive, "softmax", { dtype: "float64" });
    expect(a.ok).toBe(false);
    expect(a.failures[0]).toMatch(/^\d+ entries are not finite, first softmax\(z#3\)\[0\] at z = \(-1000, -1000\) = NaN \(exact 0\.5\): subtract max z before exponentiating$/);
  });

  it("fails a Jacobian that keeps only its diagonal a ⊙ (1 − a), in the core", async () => {
    const diagonal = softmaxOnly(softmax64, (a) => a.map((ai, i) => a.map((_, j) => (i === j ? ai * (1 - ai) : 0))));
    const a = await auditVectorActivation(diagonal, "softmax", { dtype: "float64" });
    expect(a.failures).toHaveLength(1);
    expect(a.failures[0]).toMatch(/entries lose accuracy on the core domain \(max \|z\| ≤ 30\)/);
    expect(a.coreViolations.every((e) => e.j !== undefined && e.j !== e.i)).toBe(true);
  });
});
