/**
 * `node --import tsx spec/harness/fakes/loadModules.ts FILE…`: loads each module as `nncheck run --module FILE`
 * would, in a plain Node process (vitest's own module loader is not Node's), and prints one JSON line per file:
 * {"file", "name"} (its hello's name) or {"file", "error"} (the load error's message).
 */
import { loadImplementationModule } from "../../../src/harness/loadImplementationModule.ts";

for (const file of process.argv.slice(2)) {
  try {
    const hello = await (await loadImplementationModule(file)).hello();
    console.log(JSON.stringify({ file, name: hello.name }));
  } catch (error) {
    console.log(JSON.stringify({ file, error: error instanceof Error ? error.message : String(error) }));
  }
}
