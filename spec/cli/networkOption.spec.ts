import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allChecks, suiteIdentity } from "../../src/checks/index.ts";
import { networkOption } from "../../src/cli/parseOptions.ts";
import { fileURLToPath } from "node:url";
import { runMain } from "./runInProcess.ts";

const DECLARED = fileURLToPath(new URL("./fakes/declaredRegressor.ts", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "nncheck-network-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--network LAYERS:ACTIVATIONS[:COST[:REDUCTION]]", () => {
  it("reads widths, one activation per layer after the input, and an optional cost and reduction", () => {
    expect(networkOption("784-128-10:relu,softmax:cross_entropy")).toEqual({ layers: [784, 128, 10], activations: ["relu", "softmax"], cost: "cross_entropy" });
    expect(networkOption("5-7-2:tanh,identity")).toEqual({ layers: [5, 7, 2], activations: ["tanh", "identity"] });
    expect(networkOption("3-4-2:logistic,logistic:binary_cross_entropy:mean_all")).toEqual({ layers: [3, 4, 2], activations: ["logistic", "logistic"], cost: "binary_cross_entropy", reduction: "mean_all" });
  });

  const bad: [string, RegExp][] = [
    ["5-7-2", /^--network "5-7-2": has 1 ":"-separated parts, not 2 to 4; expected LAYERS:ACTIVATIONS/],
    ["5-x-2:tanh,identity", /the layers "5-x-2" are not two or more positive integers joined by "-"/],
    ["5-0-2:tanh,identity", /the layers "5-0-2" are not/],
    ["5-7-2:tanh", /1 activations for 2 layers after the input/],
    ["5-7-2:tanh,sigmoid", /unknown activation "sigmoid" \(known: relu, logistic/],
    ["5-7-2:softmax,identity", /softmax may only be the output layer's activation/],
    ["5-7-2:tanh,identity:mse", /unknown cost "mse"/],
    ["5-7-2:tanh,identity:squared_error:avg", /unknown reduction "avg"/],
  ];
  for (const [text, message] of bad) it(`rejects ${JSON.stringify(text)}, naming it`, () => expect(() => networkOption(text)).toThrow(message));

  it("a bad one is a usage error (exit 2, one line); a cost that does not fit the output layer too, once the hello is known", async () => {
    const usage = await runMain(["run", "--network", "5-7-2:tanh"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^nncheck run: --network "5-7-2:tanh": 1 activations for 2 layers after the input; expected .* \(run 'nncheck run --help'\)$/);
    const misfit = await runMain(["run", "--network", "5-7-2:tanh,identity:cross_entropy"]);
    expect(misfit.code).toBe(2);
    expect(misfit.err).toBe('nncheck run: --network "5-7-2:tanh,identity:cross_entropy" cannot be checked: network.cost "cross_entropy" is defined on a softmax output layer, but the last activation is "identity"');
  });

  it("adds the shape's checks to a run (replayable with the same --network); without it, a run's suite is exactly allChecks()", async () => {
    const withShape = join(dir, "with.json"), without = join(dir, "without.json");
    const run = await runMain(["run", "--network", "5-7-2:tanh,identity:squared_error:mean", "--only", "oracle/gradients/5-7-2", "--runs", "3", "--reporter", `json:${withShape}`]);
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(readFileSync(withShape, "utf8"));
    expect(report.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([["oracle/gradients/5-7-2", "passed"]]);
    expect(report.replay).toContain("--network 5-7-2:tanh,identity:squared_error:mean");
    expect(report.suite.checks).toBeGreaterThan(allChecks().length);
    const plain = await runMain(["run", "--only", "activation/relu/audit", "--reporter", `json:${without}`]);
    expect(plain.code, plain.err).toBe(0);
    expect(JSON.parse(readFileSync(without, "utf8")).suite).toEqual(suiteIdentity(allChecks()));
  });

  it("a hello listing networks gets its shape's checks by id, and the built-in shapes it does not list give way", async () => {
    const file = join(dir, "declared.json");
    const run = await runMain(["run", "--module", DECLARED, "--only", "oracle/step/batch/5-7-2", "--only", "property/step/zero-rate", "--runs", "3", "--reporter", `json:${file}`]);
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([["oracle/step/batch/5-7-2", "passed"], ["property/step/zero-rate/5-7-2", "passed"]]);
    const gone = await runMain(["run", "--module", DECLARED, "--only", "oracle/gradients/3-3-1"]);
    expect(gone.code).toBe(2);
    expect(gone.err).toBe(`nncheck run: --only "oracle/gradients/3-3-1" matches no check; run 'nncheck list' to see the ids`);
  });

  it("is listed by --help, for run and list", async () => {
    for (const command of ["run", "list"]) expect((await runMain([command, "--help"])).out).toContain("--network SHAPE");
  });
});
