/**
 * Audits the seed chapter's published code (examples/seed-port/seedPort.ts, a faithful port, bugs included) with
 * nncheck's engine and prints the findings: forward/gradients/step/train against the exact oracle on the worked
 * example and on seeded random cases of the seed network, the diagnosis of the wrong gradients, the activation
 * audit, and how well the published code trains the seed's way.
 *
 *   npx tsx scripts/audit-seed.ts [--seed 1] [--cases 20] [--steps 100000] [--runs 5]
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import seedPort from "../examples/seed-port/seedPort.ts";
import { trainLikeSeed } from "../examples/seed-port/trainLikeSeed.ts";
import { workedExample } from "../examples/seed-port/workedExample.ts";
import { auditActivation, describeLossyRanges, formatUlps } from "../src/activationAudit/index.ts";
import { randomCase } from "../src/cases/index.ts";
import { generateFontData, loadFontCsv } from "../src/data/index.ts";
import { diagnose } from "../src/diagnosis/index.ts";
import { compareForward, compareGradients, compareStep, compareTrain, exactGradientsWithScales, type Comparison } from "../src/gradcheck/index.ts";
import type { GradientsRequest } from "../src/implementation.ts";
import { seedNetwork } from "../src/network/types.ts";
import { createOracle } from "../src/oracle/index.ts";
import { createRng } from "../src/random/rng.ts";
import { reference } from "../src/reference/index.ts";

const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, cases: { type: "string", default: "20" }, steps: { type: "string", default: "100000" }, runs: { type: "string", default: "5" } } });
const seed = Number(values.seed), caseCount = Number(values.cases), steps = Number(values.steps), runs = Number(values.runs);
const oracle = createOracle();
const options = { dtype: "float64", oracle } as const;
const command = `npx tsx scripts/audit-seed.ts --seed ${seed} --cases ${caseCount} --steps ${steps} --runs ${runs}`;

const groupsOf = (c: Comparison) => [...new Set(c.failures.map((e) => e.entry.replace(/\[.*$/, "")))];
const verdict = (c: Comparison) => (c.ok ? `agrees (${c.entries.length} entries)` : `${c.failures.length} of ${c.entries.length} entries wrong (${groupsOf(c).join(", ")})${c.problems.length > 0 ? `; ${c.problems.join("; ")}` : ""}`);

console.log(`# Audit of the seed's published code\n\nreproduce: ${command}\n`);

console.log("## The worked example (the chapter's weights and X)\n");
for (const y of [0, 1] as const) {
  const request = workedExample(y);
  const forward = compareForward(request, await seedPort.forward(request), options);
  const actual = await seedPort.gradients(request);
  const withScales = exactGradientsWithScales(request, options);
  const gradients = compareGradients(request, actual, options, withScales);
  const step = compareStep({ ...request, learningRate: 0.05 }, await seedPort.step({ ...request, learningRate: 0.05 }), options);
  console.log(`Y = ${y}: forward ${verdict(forward)}; gradients ${verdict(gradients)}; step (L = 0.05) ${verdict(step)}`);
  console.log("  entry      exact                    published                published / exact");
  for (const e of gradients.entries) console.log(`  ${e.entry.padEnd(9)}  ${String(e.expected).padEnd(23)}  ${String(e.actual).padEnd(23)}  ${(e.actual / e.expected).toFixed(4)}${e.ok ? "" : "  WRONG"}`);
  for (const h of diagnose(request, withScales.exact, actual, gradients)) console.log(`  hint [${h.kind}]: ${h.message}`);
  console.log();
}

console.log(`## ${caseCount} seeded random cases of the seed network (one sample each, W and b in [−1, 1), x in [0, 1), rng seed ${seed})\n`);
const tally = { forward: 0, costAndOutput: 0, hidden: 0, hintBroadcast: 0, otherHints: new Set<string>(), step: 0, stepOutputRight: 0, train: 0, trainOutputWrong: 0 };
const relErrors: number[] = [];
let zeroExact = 0;
const rng = createRng(seed);
for (let k = 0; k < caseCount; k++) {
  const c = randomCase(rng, seedNetwork, 4, { inputRange: [0, 1] });
  const request: GradientsRequest = { network: seedNetwork, params: c.params, inputs: [c.inputs[0]!], targets: [c.targets[0]!] };
  if (compareForward(request, await seedPort.forward(request), options).ok) tally.forward++;
  const actual = await seedPort.gradients(request);
  const withScales = exactGradientsWithScales(request, options);
  const gradients = compareGradients(request, actual, options, withScales);
  if (gradients.entries.every((e) => e.ok || /^(W1|b1)\[/.test(e.entry))) tally.costAndOutput++;
  if (!gradients.ok) {
    tally.hidden++;
    relErrors.push(...gradients.failures.map((e) => e.relError).filter(Number.isFinite));
    zeroExact += gradients.failures.filter((e) => e.expected === 0).length;
    const hints = diagnose(request, withScales.exact, actual, gradients);
    if (hints.some((h) => h.kind === "broadcast-rows")) tally.hintBroadcast++;
    hints.filter((h) => h.kind !== "broadcast-rows").forEach((h) => tally.otherHints.add(h.kind));
  }
  const stepRequest = { ...request, learningRate: 0.05 };
  const step = compareStep(stepRequest, await seedPort.step(stepRequest), options);
  if (!step.ok) tally.step++;
  if (step.entries.every((e) => e.ok || /^(W1|b1)\[/.test(e.entry))) tally.stepOutputRight++;
  const order = Array.from({ length: 12 }, () => rng.int(4));
  const trainRequest = { network: seedNetwork, params: c.params, inputs: c.inputs, targets: c.targets, learningRate: 0.05, order };
  const train = compareTrain(trainRequest, await seedPort.train(trainRequest), options);
  if (!train.ok) tally.train++;
  if (train.failures.some((e) => /^(W2|b2)\[/.test(e.entry))) tally.trainOutputWrong++;
}
relErrors.sort((a, b) => a - b);
const median = relErrors[Math.floor(relErrors.length / 2)] ?? NaN;
console.log(`forward agrees with the oracle: ${tally.forward}/${caseCount}`);
console.log(`gradients: cost, W2 and b2 right in ${tally.costAndOutput}/${caseCount}; W1/b1 wrong in ${tally.hidden}/${caseCount} (the others have every hidden unit off, so δ1 = 0 and its sum is 0 too)`);
console.log(`  relative error of the wrong W1/b1 entries: median ${median.toPrecision(3)}, max ${(relErrors.at(-1) ?? NaN).toPrecision(3)}; plus ${zeroExact} wrong entries whose exact value is 0 (rows of hidden units that are off)`);
console.log(`  diagnosis: broadcast-rows (rows = sum of the exact rows) in ${tally.hintBroadcast}/${tally.hidden}; other hints: ${[...tally.otherHints].join(", ") || "none"}`);
console.log(`step (L = 0.05): wrong in ${tally.step}/${caseCount}, always on W1/b1 only: ${tally.stepOutputRight === caseCount}`);
console.log(`train (12 SGD steps over 4 samples): wrong in ${tally.train}/${caseCount}; W2/b2 drift too in ${tally.trainOutputWrong} (the wrong W1 feeds every later forward pass)`);
const batch = { ...workedExample(0), inputs: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], targets: [[0], [1]] };
await seedPort.gradients(batch).catch((e: Error & { code?: string }) => console.log(`a batch of 2: ${e.code}: ${e.message}\n`));

console.log("## Activations (activation audit, float64)\n");
for (const name of ["relu", "logistic"] as const) {
  const audit = await auditActivation(seedPort, name, { dtype: "float64" });
  console.log(`${name}: ${audit.ok ? "passed" : "FAILED"} over ${audit.points} inputs; worst ${formatUlps(audit.value.worst!.ulps)} ulps (f, at x = ${audit.value.worst!.x}), ${formatUlps(audit.derivative.worst!.ulps)} ulps (f′, at x = ${audit.derivative.worst!.x}) among finite answers`);
  for (const f of audit.failures) console.log(`  failure: ${f}`);
  for (const r of describeLossyRanges(audit)) console.log(`  accuracy lost: ${r}`);
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const csv = process.env["NNCHECK_REAL_DATA"] ?? here("../../shared/data/light_dark_font_training_set.csv");
const data = existsSync(csv) ? loadFontCsv(csv) : generateFontData(createRng(seed));
console.log(`\n## Training the seed's way (${steps} SGD steps, L = 0.05, uniform [0, 1) init, 2/3–1/3 split; ${existsSync(csv) ? `real CSV ${csv}` : "generated data (real CSV not found)"})\n`);
console.log("rng seed  published code: test acc (train acc)  reference: test acc (train acc)  hidden rows moved alike (max spread of W1 row updates)");
for (let s = seed; s < seed + runs; s++) {
  const published = await trainLikeSeed(seedPort, data, createRng(s), { steps });
  const right = await trainLikeSeed(reference, data, createRng(s), { steps });
  const initial = (await trainLikeSeed(seedPort, data, createRng(s), { steps: 0 })).params[0]!.W;
  const moves = published.params[0]!.W.map((row, i) => row.map((w, j) => w - initial[i]![j]!));
  const spread = Math.max(...moves.flatMap((row) => row.map((d, j) => Math.abs(d - moves[0]![j]!))));
  console.log(`${String(s).padEnd(8)}  ${published.testAccuracy.toFixed(4)} (${published.trainAccuracy.toFixed(4)})                   ${right.testAccuracy.toFixed(4)} (${right.trainAccuracy.toFixed(4)})                   ${spread.toExponential(2)}`);
}

