import { describe, expect, it } from "vitest";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { injectOneAtATime } from "./injectOneAtATime.ts";

describe("oracle comparison catches one entry off by a small relative error", () => {
  it("float64: every entry of gradients, forward and step off by a relative 1e-7 is caught (seed 31)", async () => {
    const { caught, zero, unclaimable } = await injectOneAtATime(reference, "float64", 1e-7, 31, 60);
    console.log({ caught, zero, unclaimable });
    expect(caught).toBeGreaterThan(2000);
    expect(unclaimable, "entries below their own rounding noise at 1e-7").toBeLessThan(caught * 0.005);
  });
  it("float32 (simulated): every entry off by a relative 1e-3 is caught (seed 32)", async () => {
    const { caught, zero, unclaimable } = await injectOneAtATime(textbookImplementation({ arithmetic: "float32" }), "float32", 1e-3, 32, 60);
    console.log({ caught, zero, unclaimable });
    expect(caught).toBeGreaterThan(2000);
    expect(unclaimable, "entries below their own rounding noise at 1e-3").toBeLessThan(caught * 0.02);
  });
});
