import { describe, expect, it } from "vitest";
import { parseHello } from "../../src/protocol/parseHello.ts";

describe("parseHello", () => {
  const hello = { protocol: 1, name: "n", dtype: "float64", methods: ["forward"], activations: ["relu"] };

  it("accepts a protocol-1 hello, with or without the optional parts", () => {
    expect(parseHello(hello)).toBe(hello);
    const full = { ...hello, language: "rust", networks: [{ layers: [3, 3, 1], activations: ["relu", "logistic"] }] };
    expect(parseHello(full)).toBe(full);
  });

  it("accepts every dtype of the table: float64, float32, float16, bfloat16", () => {
    for (const dtype of ["float64", "float32", "float16", "bfloat16"]) expect(parseHello({ ...hello, dtype }).dtype).toBe(dtype);
  });

  it("names every problem of a malformed hello", () => {
    expect(() => parseHello({ ...hello, protocol: "1", dtype: "float8", methods: "forward", networks: [{ layers: [3, 1], activations: [] }] })).toThrow(
      'malformed hello result: "protocol" must be 1, got "1"; "dtype" must be one of "float64", "float32", "float16", "bfloat16", got "float8"; "methods" must be an array of strings, got "forward"; "networks" must be an array of {layers: positive integers, activations: one string per layer after the input, cost?: string, reduction?: string}, got [{"layers":[3,1],"activations":[]}]');
    expect(() => parseHello([])).toThrow("malformed hello result: expected an object, got [] (got [])");
  });

  it("accepts the optimizers among sgd, adam and adamw, and names a bad one in one line", () => {
    const withOptimizers = { ...hello, optimizers: ["sgd", "adam", "adamw"] };
    expect(parseHello(withOptimizers)).toBe(withOptimizers);
    expect(() => parseHello({ ...hello, optimizers: ["sgd", "rmsprop"] })).toThrow('"optimizers" must be an array of names among sgd, adam, adamw when present, got "rmsprop" in ["sgd","rmsprop"]');
    expect(() => parseHello({ ...hello, optimizers: "adam" })).toThrow('"optimizers" must be an array of names among sgd, adam, adamw when present, got "adam" (got');
  });
});
