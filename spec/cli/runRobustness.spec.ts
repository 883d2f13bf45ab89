// `nncheck run --impl` against the misbehaving fakes of spec/protocol/fakes/fake.mjs, one failure mode each: every
// mode must end with its exit code and verdict. Nothing here asserts a time: the runs' own timeouts (a few hundred
// ms where a mode needs one) bound them, and each run's time is only measured, for the README's Robustness table,
// which this spec prints. The fakes answer zeros (wrong, but well-formed) unless their mode says otherwise. Modes
// marked `spawned` go through the real `nncheck` process; the others run the same CLI in-process.
import { afterAll, describe, expect, it } from "vitest";
import { shellCommand } from "../../src/harness/index.ts";
import { FAKE } from "../protocol/helpers.ts";
import { runCli, STACK_LINE } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

interface JsonCheck { id: string; status: string; message: string; details?: { stderr?: string; entries?: { actual: unknown }[] } }
interface JsonReport { checks: JsonCheck[] }
interface Run { code: number | null; stdout: string; stderr: string; report?: JsonReport; ms: number }

const TWO = ["--only", "oracle/forward/3-3-1", "--only", "oracle/train/3-3-1"];

async function runFake(mode: string, args: readonly string[], spawned: boolean): Promise<Run> {
  const start = performance.now();
  const argv = ["run", "--impl", shellCommand(["node", FAKE, mode]), "--reporter", "json", ...args];
  const run = spawned ? await runCli(argv) : await runMain(argv).then(({ code, out, err }) => ({ code, stdout: out, stderr: err }));
  const ms = performance.now() - start;
  let report: JsonReport | undefined;
  try {
    report = run.stdout === "" ? undefined : (JSON.parse(run.stdout) as JsonReport);
  } catch {
    throw new Error(`no JSON report (exit ${run.code}): ${run.stdout.slice(0, 500)}\n${run.stderr.slice(0, 500)}`);
  }
  return { ...run, ...(report ? { report } : {}), ms };
}

const statuses = (report: JsonReport | undefined) => (report?.checks ?? []).map((c) => `${c.id} ${c.status}`);
const allMatch = (report: JsonReport | undefined, status: string, message: RegExp) =>
  (report?.checks ?? []).every((c) => c.status === status && message.test(c.message));

interface FailureMode {
  /** The row of the README's table. */
  readonly what: string;
  readonly fake: string;
  readonly args: readonly string[];
  readonly spawned?: boolean;
  readonly exit: 0 | 1 | 2;
  readonly verdict: (run: Run) => void;
}

const MODES: readonly FailureMode[] = [
  {
    what: "exits at start, before its hello, with a message on stderr", fake: "crash-at-start", args: TWO, spawned: true, exit: 2,
    verdict: (run) => {
      expect(run.stderr).toMatch(/^nncheck run: ".*crash-at-start" did not start: it exited with code 1 before answering hello; the end of its stderr:\nfake: cannot import numpy\n$/);
      expect(run.stdout).toBe("");
    },
  },
  {
    what: "crashes in the middle of a request (a Python traceback, exit 3)", fake: "crash-on-train", args: TWO, spawned: true, exit: 1,
    verdict: ({ report }) => {
      expect(statuses(report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 errored"]);
      const train = report!.checks[1]!;
      expect(train.message).toMatch(/^request #\d+ \(train\) failed: the implementation exited with code 3 while answering it \(its stderr is shown below\)$/);
      expect(train.details?.stderr).toBe("Traceback (most recent call last):\nZeroDivisionError: float division by zero");
    },
  },
  {
    what: "hangs on every request (--timeout-ms 300)", fake: "hang", args: ["--only", "oracle", "--timeout-ms", "300"], exit: 1,
    verdict: ({ report }) => {
      // the fake's hello offers the seed's costs and activations only: the classifier shapes' checks are skipped
      const ran = report!.checks.filter((c) => c.status !== "skipped");
      expect(ran).toHaveLength(28);
      expect(ran.every((c) => c.status === "errored" && /timed out after 300 ms|unresponsive/.test(c.message))).toBe(true);
      const timedOut = ran.filter((c) => /timed out after 300 ms; the implementation was killed/.test(c.message)).length;
      expect(timedOut).toBeGreaterThanOrEqual(1);
      expect(timedOut).toBeLessThanOrEqual(3); // the client gives up after 3 failures in a row
    },
  },
  {
    what: "prints a line that is not JSON", fake: "garbage", args: TWO, exit: 1,
    verdict: ({ report }) => expect(allMatch(report, "errored", /protocol error: stdout line is not JSON: "this is not json \{"/)).toBe(true),
  },
  {
    what: "answers with an id that was never sent", fake: "wrong-id", args: TWO, exit: 1,
    verdict: ({ report }) => expect(allMatch(report, "errored", /protocol error: response .* has id \d+, which matches no request in flight/)).toBe(true),
  },
  {
    what: "answers a request twice", fake: "duplicate", args: TWO, exit: 1,
    verdict: ({ report }) => {
      expect(report!.checks.some((c) => /is a second answer to request #\d+, which was already answered/.test(c.message))).toBe(true);
      expect(report!.checks.every((c) => c.status === "failed" || c.status === "errored")).toBe(true);
    },
  },
  {
    what: "answers out of order (matched by id)", fake: "shuffle", args: ["--only", "activation"], exit: 1,
    // the fake offers the seed's four activations: the audits of the family's new ones are skipped
    verdict: ({ report }) => expect(statuses(report).filter((s) => !s.endsWith(" skipped"))).toEqual(["activation/relu/audit failed", "activation/logistic/audit failed", "activation/tanh/audit failed", "activation/identity/audit passed"]),
  },
  {
    what: "answers with the wrong shape", fake: "wrong-shape", args: ["--only", "oracle/forward/3-3-1"], exit: 1,
    verdict: ({ report }) => expect(report!.checks[0]!.message).toMatch(/^forward answered a malformed result: layers\[0\]\.z(\[1\] has 2 entries, expected 3 \(units of layer 1\)| has 2 rows, expected 1 \(one per sample\))/),
  },
  {
    what: "answers a huge array of the wrong shape (300 × 300 for 3 × 3)", fake: "huge-wrong-shape", args: ["--only", "oracle/gradients/3-3-1"], exit: 1,
    verdict: ({ report }) => expect(report!.checks[0]).toMatchObject({ status: "failed", message: expect.stringMatching(/^gradients answered a malformed result: grads\[0\]\.W has 300 rows, expected 3 .* \(\+20 more shape problems\)$/) }),
  },
  {
    what: "answers NaN and ±Infinity everywhere", fake: "nan", args: TWO, exit: 1,
    verdict: ({ report }) => {
      expect(statuses(report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 failed"]);
      const actuals = report!.checks.flatMap((c) => c.details?.entries ?? []).map((e) => e.actual);
      expect(actuals.length).toBeGreaterThan(0);
      expect(actuals.every((a) => a === "NaN" || a === "Infinity" || a === "-Infinity")).toBe(true);
    },
  },
  {
    what: "floods stderr (4 MiB, then 256 KiB per request)", fake: "stderr-flood", args: TWO, exit: 1,
    verdict: (run) => {
      expect(statuses(run.report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 failed"]);
      expect(run.stderr).toBe("");
    },
  },
  {
    what: "exits after a last line without its newline", fake: "no-newline-exit", args: TWO, exit: 1,
    verdict: ({ report }) => expect(report!.checks.some((c) => c.status === "errored" && /its last stdout line has no newline at the end/.test(c.message))).toBe(true),
  },
  {
    what: "crashes while a grandchild keeps its stdout open", fake: "grandchild-stdout", args: TWO, exit: 1,
    verdict: ({ report }) => expect(report!.checks.every((c) => c.status === "errored" && /exited with code 1|unresponsive/.test(c.message))).toBe(true),
  },
  {
    what: "ignores shutdown and SIGTERM", fake: "ignore-sigterm", args: TWO, exit: 1,
    verdict: ({ report }) => expect(statuses(report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 failed"]), // and it is killed (the suite's teardown checks)
  },
  {
    what: "starts each line with a UTF-8 byte order mark", fake: "bom", args: TWO, exit: 1,
    verdict: ({ report }) => expect(report!.checks.some((c) => /stdout line starts with a UTF-8 byte order mark \(U\+FEFF\)/.test(c.message))).toBe(true),
  },
  {
    what: "writes invalid UTF-8", fake: "invalid-utf8", args: ["--only", "activation/identity/audit"], exit: 1,
    verdict: ({ report }) => expect(allMatch(report, "errored", /stdout line is not JSON \(it is not valid UTF-8: the bytes shown as U\+FFFD\)/)).toBe(true),
  },
  {
    what: "nests a response 100,000 brackets deep", fake: "deep", args: TWO, exit: 1,
    verdict: ({ report }) => expect(allMatch(report, "errored", /stdout line nests arrays or objects more than 64 deep/)).toBe(true),
  },
  {
    what: "nests its hello 100,000 brackets deep", fake: "deep-hello", args: TWO, exit: 2,
    verdict: (run) => expect(run.stderr).toMatch(/^nncheck run: ".*" did not start: before its hello answer: protocol error: stdout line nests arrays or objects more than 64 deep/),
  },
  {
    what: "prints a banner before its hello", fake: "banner", args: TWO, exit: 2,
    verdict: (run) => expect(run.stderr).toMatch(/did not start: before its hello answer: protocol error: stdout line is not JSON: "Loading model weights/),
  },
  {
    what: "never flushes stdout (--hello-timeout-ms 500)", fake: "no-flush", args: [...TWO, "--hello-timeout-ms", "500"], exit: 2,
    verdict: (run) => expect(run.stderr).toMatch(/no answer to "hello" within 500 ms \(--hello-timeout-ms\); nothing at all arrived on its stdout: .*flush stdout after every line/),
  },
];

const measured: { what: string; verdict: string; exit: number | null; ms: number }[] = [];

// NNCHECK_MEASURE=1 runs the modes one at a time, for times that mean something (the README's table).
const test = process.env["NNCHECK_MEASURE"] === "1" ? it : it.concurrent;

describe("nncheck run against misbehaving implementations", () => {
  for (const mode of MODES) {
    test(`${mode.fake}: ${mode.what} → exit ${mode.exit}`, async () => {
      const run = await runFake(mode.fake, mode.args, mode.spawned === true);
      expect(run.code, run.stderr).toBe(mode.exit);
      expect(run.stderr).not.toMatch(STACK_LINE);
      mode.verdict(run);
      const counts = new Map<string, number>();
      for (const c of run.report?.checks ?? []) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
      const verdict = run.report ? [...counts].map(([s, n]) => `${n} ${s}`).join(", ") : "did not start";
      measured.push({ what: mode.what, verdict, exit: run.code, ms: run.ms });
    });
  }
});

afterAll(() => {
  if (measured.length !== MODES.length) return;
  const rows = MODES.map((m) => measured.find((r) => r.what === m.what)!).map((r) => `| ${r.what} | ${r.verdict} | ${r.exit} | ${(r.ms / 1000).toFixed(1)} s |`);
  console.log(["| the implementation… | verdict | exit | time |", "|---|---|---|---|", ...rows].join("\n"));
});
