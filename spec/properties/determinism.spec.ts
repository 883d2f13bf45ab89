import { describe, expect, it } from "vitest";
import { reference } from "../../src/reference/index.ts";
import { property, recording, runProperty } from "./runProperty.ts";

const ids = ["property/logistic/bounded", "property/gradients/oracle", "property/train/fold", "property/metamorphic/permute-hidden"];

async function requests(id: string, seed: number): Promise<string[]> {
  const { implementation, log } = recording(reference);
  const outcome = await runProperty(property(id), implementation, { runs: 10, seed });
  expect(outcome.status).toBe("passed");
  return log;
}

describe("property runs are reproducible from the seed", () => {
  it.each(ids)("%s sends the same requests for the same seed and different ones for another", async (id) => {
    const first = await requests(id, 42);
    expect(first.length).toBeGreaterThan(0);
    expect(await requests(id, 42)).toEqual(first);
    expect(await requests(id, 43)).not.toEqual(first);
  });
});
