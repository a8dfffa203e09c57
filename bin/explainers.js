#!/usr/bin/env node
// `explainers <command>`: the package's command line. The commands are TypeScript
// (src/cli/); this runs src/cli/explainers.ts in Node with tsx's loader (a dependency),
// in a process of its own so that every process a command starts has the loader too.
// It passes on its exit code, and any signal that stopped it. docs/command-line.md.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const loader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const main = fileURLToPath(new URL("../src/cli/explainers.ts", import.meta.url));
const args = process.argv.slice(2);
// The importer keeps its heap under 2 GB, collecting rather than growing (docs/performance.md).
const heap = args[0] === "import" ? ["--max-old-space-size=1800"] : [];
const child = spawn(process.execPath, [...heap, ...process.execArgv, "--import", loader, main, ...args], {
  stdio: "inherit",
});
// Ctrl+C reaches the command from the terminal itself; a signal sent to this process alone is passed on.
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`explainers could not start Node: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
