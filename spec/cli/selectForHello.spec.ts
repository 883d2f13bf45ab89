import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { selectForHello, type RunSelection } from "../../src/cli/selectForHello.ts";
import type { Hello } from "../../src/implementation.ts";

const hello: Hello = { protocol: 1, name: "x", dtype: "float64", methods: ["gradients"], activations: ["tanh", "identity"] };
const none: RunSelection = { only: [], skip: [], require: [], networks: [], networkTexts: [] };

describe("selectForHello", () => {
  it("without networks: the whole suite is allChecks(), selected as asked", () => {
    const chosen = selectForHello(hello, { ...none, only: ["fd/full/3-3-1"] }, () => {});
    expect(chosen.all.map((c) => c.id)).toEqual(allChecks().map((c) => c.id));
    expect(chosen.checks.map((c) => c.id)).toEqual(["fd/full/3-3-1"]);
  });

  it("a hello's entry it cannot build on only warns; a --network one is an error; --require and --expect-fail match declared ids", () => {
    const warnings: string[] = [];
    const listing = { ...hello, networks: [{ layers: [3, 2], activations: ["sigmoid"] }, { layers: [5, 7, 2], activations: ["tanh", "identity"] }] };
    const chosen = selectForHello(listing, { ...none, only: ["fd/**"], require: ["fd/full/5-7-2"], expectFile: { path: "x.json", entries: [{ id: "fd/directional/5-7-2", reason: "r" }] } }, (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/^the hello's networks\[0\] \(.*\) cannot be checked: network.activations\[0\] is "sigmoid".*; no checks are built on it$/)]);
    expect(chosen.checks.map((c) => c.id)).toEqual(["fd/full/5-7-2", "fd/directional/5-7-2"]);
    expect(chosen.requiredBy("fd/full/5-7-2")).toBe("fd/full/5-7-2");
    expect([...chosen.expectedFailures.keys()]).toEqual(["fd/directional/5-7-2"]);
    expect(() => selectForHello(hello, { ...none, networks: [{ layers: [3, 2], activations: ["tanh"], cost: "cross_entropy" }], networkTexts: ["3-2:tanh:cross_entropy"] }, () => {}))
      .toThrow(/^--network "3-2:tanh:cross_entropy" cannot be checked: network.cost "cross_entropy" is defined on a softmax output layer/);
  });
});
