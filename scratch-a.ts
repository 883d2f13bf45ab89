import { auditActivation, auditVectorActivation, describeLossyRanges } from "./src/activationAudit/index.ts";
import { reference } from "./src/reference/index.ts";
import { textbookImplementation } from "./spec/support/textbookImplementation.ts";
const f32 = textbookImplementation({ arithmetic: "float32" });
const t64 = textbookImplementation({ arithmetic: "float64" });
for (const [label, impl, dtype] of [["ref", reference, "float64"], ["t64", t64, "float64"], ["f32", f32, "float32"]] as const) {
  for (const name of ["relu","logistic","tanh","identity","leaky_relu","softplus","silu"] as const) {
    const a = await auditActivation(impl, name, { dtype });
    console.log(label, name, a.ok, a.failures.slice(0,2).join(" | "), "worst", a.value.worst?.ulps, a.derivative.worst?.ulps, describeLossyRanges(a).slice(0,3).join("; "));
  }
  const v = await auditVectorActivation(impl, "softmax", { dtype });
  console.log(label, "softmax", v.ok, v.failures.join(" | "), v.worst.value?.ulps, v.worst.jacobian?.ulps, v.lossy.length);
}
const v = await auditVectorActivation(reference, "softmax", { dtype: "float64" });
console.log(v.lossy.map((e) => [e.entry, v.vectors[e.vector], e.ulps]));
