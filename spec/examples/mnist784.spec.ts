/** examples/mnist/mnist784.ts: its hello is accepted and selects the oracle, fd and property checks on 784-128-10, none skipped for want of a shape (not run here: see scripts/bench-scale.ts). */
import { describe, expect, it } from "vitest";
import mnist784 from "../../examples/mnist/mnist784.ts";
import { checksForHello } from "../../src/checks/index.ts";
import { unmetNeeds } from "../../src/harness/unmetNeeds.ts";
import { parseHello } from "../../src/protocol/parseHello.ts";

describe("the 784-128-10 example module", () => {
  it("says a hello protocol v1 accepts, declaring the one network", async () => {
    const hello = parseHello(await mnist784.hello());
    expect(hello.networks).toEqual([{ layers: [784, 128, 10], activations: ["relu", "softmax"], cost: "cross_entropy" }]);
  });

  it("gets every oracle, fd and property family on 784-128-10, and none of those checks lacks a shape", async () => {
    const hello = parseHello(await mnist784.hello());
    const own = checksForHello(hello).filter((c) => c.id.split("/").includes("784-128-10"));
    const ids = own.map((c) => c.id);
    for (const id of ["oracle/forward/784-128-10", "oracle/gradients/batch/784-128-10", "oracle/step/784-128-10/sum", "oracle/train/784-128-10", "oracle/gradients/saturated/784-128-10", "fd/full/784-128-10", "fd/directional/784-128-10", "property/gradients/oracle/784-128-10", "property/step/zero-rate/784-128-10"]) {
      expect(ids).toContain(id);
    }
    expect(own.length).toBeGreaterThanOrEqual(35);
    expect(own.map((c) => [c.id, unmetNeeds(c.needs, hello)]).filter(([, why]) => why !== undefined)).toEqual([]);
    expect(own.every((c) => c.needs.networks?.every((n) => n.layers.join("-") === "784-128-10"))).toBe(true);
  });
});
