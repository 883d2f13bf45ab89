import { FontDataError, generateFontData, loadFontCsv, REAL_DATA_SIZE } from "../data/index.ts";
import { createRng } from "../random/rng.ts";
import { SEED_LEARNING_RATE, SEED_STEPS, SEED_TEST_FRACTION, trainSeedWay } from "../training/index.ts";
import type { Command } from "./command.ts";
import { integerOption, parseOptions, positiveNumberOption } from "./parseOptions.ts";

const DEFAULT_SEED = 1;

/** The smallest test set whose accuracy means something (a resolution of 0.1). */
const MIN_TEST_SAMPLES = 10;
/** How many samples the seed's split puts in the test set, of `rows`. */
const testSize = (rows: number): number => Math.ceil(SEED_TEST_FRACTION * rows);
/** The fewest rows that leave MIN_TEST_SAMPLES in the test third (28). */
const MIN_ROWS = Array.from({ length: 10 * MIN_TEST_SAMPLES }, (_, n) => n).find((n) => testSize(n) >= MIN_TEST_SAMPLES)!;

const usage = `Usage: nncheck train [--data FILE] [--steps N] [--learning-rate L] [--seed S] [--json]

Trains the seed's 3-3-1 network (ReLU hidden layer, logistic output) with the reference implementation the
seed's way: uniform [0, 1) initial weights and biases, a random 2/3 train, 1/3 test split, and N SGD steps on
one training sample drawn at random each step. Prints the test accuracy (a2 >= 0.5 versus the label).

Options:
  --data FILE          a CSV with header RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND (rows of 0-255 colours and a
                       0/1 label; at least ${MIN_ROWS} rows, for a test set of ${MIN_TEST_SAMPLES}); default: ${REAL_DATA_SIZE} random colours labelled 1 iff
                       0.299R + 0.587G + 0.114B > 127.5 (the rule the seed's data follows)
  --steps N            SGD steps, at least 1 (default ${SEED_STEPS})
  --learning-rate L    learning rate (default ${SEED_LEARNING_RATE})
  --seed S             seed for the data, split, initial weights and sample order, any integer
                       (default ${DEFAULT_SEED})
  --json               print one JSON line: {"steps":…,"seconds":…,"testAccuracy":…}
  -h, --help           print this help

Exit codes: 0 success, 2 bad usage or bad input data, 1 internal error.`;

/** `nncheck train`: trains the reference the seed's way on generated or CSV data and prints its accuracy. */
export const trainCommand: Command = {
  name: "train",
  summary: "train the seed's network with the reference and print its test accuracy",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      data: { type: "string" },
      steps: { type: "string" },
      "learning-rate": { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help === true) {
      io.out(usage);
      return 0;
    }
    const steps = integerOption("steps", values.steps, SEED_STEPS, 1);
    const learningRate = positiveNumberOption("learning-rate", values["learning-rate"], SEED_LEARNING_RATE);
    const seed = integerOption("seed", values.seed, DEFAULT_SEED);

    const rng = createRng(seed);
    const dataRng = rng.fork(); // forked even for a CSV, so the split and the training do not depend on --data
    const data = values.data === undefined ? generateFontData(dataRng) : loadFontCsv(values.data);
    if (values.data !== undefined && testSize(data.rgb.length) < MIN_TEST_SAMPLES) {
      const n = data.rgb.length;
      throw new FontDataError(values.data, undefined, undefined, `${n} data ${n === 1 ? "row is" : "rows are"} too few: the test third would hold ${testSize(n)} (train needs at least ${MIN_ROWS} rows, for a test set of at least ${MIN_TEST_SAMPLES})`);
    }
    const source = values.data === undefined
      ? `generated: ${data.rgb.length} random colours, labelled by 0.299R + 0.587G + 0.114B > 127.5`
      : `${values.data} (${data.rgb.length} rows)`;

    const result = trainSeedWay(data, rng, { steps, learningRate });

    if (values.json === true) {
      io.out(JSON.stringify({ steps: result.steps, seconds: result.seconds, testAccuracy: result.testAccuracy }));
      return 0;
    }
    const correct = Math.round(result.testAccuracy * result.testSize);
    io.out(`test accuracy   ${result.testAccuracy.toFixed(4)} (${correct} of ${result.testSize} test samples)`);
    io.out(`train accuracy  ${result.trainAccuracy.toFixed(4)} (${result.trainSize} training samples)`);
    io.out(`steps           ${result.steps} (learning rate ${result.learningRate})`);
    io.out(`training time   ${result.seconds.toFixed(3)} s`);
    io.out(`seed            ${seed}`);
    io.out(`data            ${source}`);
    return 0;
  },
};
