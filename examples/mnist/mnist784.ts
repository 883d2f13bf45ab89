/**
 * The classic MNIST shape as a user would declare it: nncheck's float64 reference, whose hello lists one network,
 * 784 inputs → 128 ReLU units → 10 softmax outputs with the cross-entropy (101,770 parameters). A run of this module
 * checks the oracle, finite-difference and property checks on that shape (`oracle/gradients/784-128-10`, …):
 *
 *     nncheck run --module examples/mnist/mnist784.ts
 */
import type { Hello, Implementation } from "../../src/implementation.ts";
import { reference } from "../../src/reference/index.ts";

/** The one network this implementation declares. */
export const MNIST_NETWORK = { layers: [784, 128, 10], activations: ["relu", "softmax"], cost: "cross_entropy" } as const;

const mnist784: Implementation = {
  ...reference,
  hello: async (): Promise<Hello> => ({ ...(await reference.hello()), name: "mnist-784-128-10", networks: [MNIST_NETWORK] }),
};

export default mnist784;
