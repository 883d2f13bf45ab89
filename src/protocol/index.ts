/** Protocol v1: talking to an implementation under test over newline-delimited JSON on its stdin/stdout. */
export { spawnImplementation, type ProtocolImplementation, type SpawnOptions } from "./spawnImplementation.ts";
export { shapeProblems, type RequestByMethod } from "./shapeProblems.ts";
export {
  AbortedError, ClosedError, CrashError, ImplementationFailure, ProtocolError, RequestTimeoutError, StartupError, UnresponsiveError,
  type FailureKind,
} from "./errors.ts";
export { splitCommandLine, CommandLineError } from "./splitCommandLine.ts";
export { encodeWire, decodeNonFinite, NON_FINITE } from "./wireJson.ts";
export { wireParams } from "./wireParams.ts";
export { parseHello } from "./parseHello.ts";
export { parseResponseLine, quoteLine, type ResponseLine, type Outcome } from "./parseResponseLine.ts";
export { TailBuffer } from "./TailBuffer.ts";
export { systemClock, type Clock } from "./clock.ts";
export { withRequestLabel, currentRequestLabel } from "./requestLabel.ts";
