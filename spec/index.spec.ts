import { describe, expect, it } from "vitest";
import * as nncheck from "../src/index.ts";

describe("the public index", () => {
  it("exports the API the README names, each a working value", async () => {
    for (const name of ["reference", "createOracle", "compareGradients", "compareForward", "compareStep", "compareTrain", "diagnose", "finiteDifferenceFull", "finiteDifferenceDirectional", "auditActivation", "propertyCheck", "allChecks", "runChecks", "spawnImplementation", "loadFixture", "randomCase", "generateFontData", "trainSeedWay", "createRng"] as const) {
      expect(nncheck[name], name).toBeTypeOf(name === "reference" ? "object" : "function");
    }
    expect((await nncheck.reference.hello()).name).toBe("nncheck-reference");
    expect(nncheck.seedNetwork).toEqual({ layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" });
  });
});
