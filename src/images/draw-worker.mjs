// A worker thread does not inherit the build's TypeScript loader (`--import tsx` registers
// its hooks for the main thread only, in Node 20), so this loads the worker through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./draw-worker.ts", import.meta.url);
