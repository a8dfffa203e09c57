/**
 * Shared by the tests that run the preview as `npm start` does (Eleventy's dev server):
 * starting it on a content folder, waiting for what it logs or serves, asking it for a
 * page, and stopping it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { get as httpGet } from "node:http";
import { join } from "node:path";
import { projectRoot } from "./support.ts";

// As package.json's start script names it: the package does not export its command.
const eleventy = join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs");

export interface PreviewServer {
  child: ChildProcess;
  /** Everything the preview has printed, stdout and stderr, so far. */
  output(): string;
}

/**
 * Starts the preview writing to `folder`, with `env` added to this process's environment
 * (colours off). Port 0 is not allowed here, so a random high port; Eleventy moves on if it
 * is taken and says where.
 */
export function startPreview(folder: string, env: NodeJS.ProcessEnv, extraArgs: string[] = []): PreviewServer {
  const { NO_COLOR: _noColour, FORCE_COLOR: _forceColour, ...inherited } = process.env;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      eleventy,
      "--config=.eleventy.ts",
      "--serve",
      `--port=${port}`,
      `--output=${folder}`,
      ...extraArgs,
    ],
    { cwd: projectRoot, env: { ...inherited, ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** The address the preview said it serves at, on 127.0.0.1; undefined until it has said it. */
export const servedAt = (output: string): string | undefined =>
  /Server at (http:\/\/localhost:\d+)\//.exec(output)?.[1]?.replace("localhost", "127.0.0.1");

/** Stops the preview, if it still runs: SIGTERM, then SIGKILL after 10 s. */
export async function stopPreview(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Polls `probe` every `everyMs` until it gives a value (a probe that throws, as a request
 * to a server that is restarting does, counts as no value yet); after `seconds`, fails
 * with what the preview printed.
 */
export async function until<T>(
  preview: () => PreviewServer | undefined,
  what: string,
  seconds: number,
  probe: () => Promise<T | undefined> | T | undefined,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Gave up after ${seconds} s waiting for ${what}. Preview output:\n${preview()?.output() ?? ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A GET of `url`, its status and body; fails after `seconds` without an answer. */
export function getPage(
  url: string,
  options: { seconds: number; headers?: Record<string, string> },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(
      url,
      { agent: false, headers: options.headers, timeout: options.seconds * 1000 },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer from ${url} in ${options.seconds} s`)));
    request.on("error", reject);
  });
}
