/**
 * `npm run cms` started by a test, as an editor starts it: on a free port, in a project
 * folder, waited on until it prints its one-time link. The caller stops the child.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { projectRoot } from "../browser/support.ts";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");

/** The content manager in `folder`, with `env` added to the environment; `link` resolves with its one-time link, `output` is what it printed so far. */
export function startCms(
  folder: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; link: Promise<string>; output: () => string } {
  const child = spawn(process.execPath, [tsx, join(projectRoot, "src/cli/cms.ts"), "--port", "0"], {
    cwd: folder,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const link = new Promise<string>((done, failed) => {
    const timer = setTimeout(() => failed(new Error(`npm run cms did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /The content manager is at (\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        done(found[1]!);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => failed(new Error(`npm run cms exited with ${code}:\n${output}`)));
  });
  return { child, link, output: () => output };
}
