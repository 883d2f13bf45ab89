/** Training the reference network the seed's way, and measuring how well it classifies. */
export { classificationAccuracy } from "./classificationAccuracy.ts";
export type { SeedTrainingOptions, SeedTrainingResult } from "./trainSeedWay.ts";
export { SEED_LEARNING_RATE, SEED_STEPS, SEED_TEST_FRACTION, trainSeedWay } from "./trainSeedWay.ts";
