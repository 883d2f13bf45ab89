// nncheck's reference behind a hello that lists one shape only, a tanh → identity 5-7-2 regressor with the squared
// error and the mean: the module `nncheck run --module` loads to test declared shapes end to end.
import type { Implementation } from "../../../src/implementation.ts";
import { reference } from "../../../src/reference/index.ts";

const declaredRegressor: Implementation = {
  ...reference,
  hello: async () => ({
    protocol: 1, name: "declared 5-7-2 regressor", language: "typescript", dtype: "float64",
    methods: ["forward", "gradients", "step", "train"], activations: ["tanh", "identity"],
    networks: [{ layers: [5, 7, 2], activations: ["tanh", "identity"], cost: "squared_error" }],
  }),
};
export default declaredRegressor;
