/**
 * Runs one command in a child process and measures it: wall time, peak resident memory
 * (the largest of the process and its children, from /usr/bin/time -v, or reported by each
 * Node process as it exits when that is missing), and CPU time.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

export interface Measurement {
  command: string;
  exitCode: number | null;
  wallSeconds: number;
  /** Peak resident set size in bytes: the largest process of the tree. */
  peakRssBytes: number | null;
  /** User plus system CPU seconds (only with /usr/bin/time). */
  cpuSeconds: number | null;
  /**
   * The largest resident memory of the whole process tree at once (the build's Node and
   * Pagefind's binary together, say), sampled from /proc every 200 ms; null where there is
   * no /proc. A sample can miss a short peak; a process that outlives its parent unreaped
   * (Pagefind's binary, stopped as Node exits) is counted here but not by /usr/bin/time.
   */
  treePeakBytes: number | null;
  memorySource: "/usr/bin/time -v" | "process.resourceUsage" | "none";
  stdout: string;
  stderr: string;
}

/** Reads /usr/bin/time -v's report from the end of stderr. */
export function parseTimeReport(stderr: string): {
  peakRssBytes: number | null;
  cpuSeconds: number | null;
  rest: string;
} {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const start = stderr.search(/\n?\tCommand being timed:/);
  return {
    peakRssBytes: rss ? Number(rss[1]) * 1024 : null,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
    rest: start >= 0 ? stderr.slice(0, start) : stderr,
  };
}

export async function measure(
  command: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Measurement> {
  let rssDir: string | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  let argv = command;
  if (hasTime) {
    argv = [TIME, "-v", ...command];
  } else {
    rssDir = mkdtempSync(join(tmpdir(), "bench-rss-"));
    env.BENCH_RSS_FILE = join(rssDir, "rss.txt");
    const preload = pathToFileURL(fileURLToPath(new URL("./max-rss.mjs", import.meta.url))).href;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --import=${preload}`.trim();
  }
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const sampler = child.pid === undefined ? null : sampleTree(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const result: Measurement = {
    command: command.join(" "),
    exitCode,
    wallSeconds,
    peakRssBytes: null,
    cpuSeconds: null,
    treePeakBytes: sampler?.stop() ?? null,
    memorySource: "none",
    stdout,
    stderr,
  };
  if (hasTime) {
    const report = parseTimeReport(stderr);
    Object.assign(result, {
      peakRssBytes: report.peakRssBytes,
      cpuSeconds: report.cpuSeconds,
      stderr: report.rest,
      memorySource: "/usr/bin/time -v",
    });
  } else if (rssDir) {
    const file = join(rssDir, "rss.txt");
    const lines = existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : [];
    // resourceUsage().maxRSS is in kilobytes.
    const peaks = lines.map((line) => Number(line.split(" ")[1]) * 1024).filter(Number.isFinite);
    if (peaks.length)
      Object.assign(result, { peakRssBytes: Math.max(...peaks), memorySource: "process.resourceUsage" });
    rmSync(rssDir, { recursive: true, force: true });
  }
  return result;
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  rssBytes: number;
}

/** Every process's parent and resident memory, from /proc/<pid>/status (Linux); [] elsewhere. */
function processTable(): ProcessEntry[] {
  let names: string[];
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const ppid = /\nPPid:\s+(\d+)/.exec(status)?.[1];
      const rss = /\nVmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return ppid ? [{ pid: Number(name), ppid: Number(ppid), rssBytes: rss ? Number(rss) * 1024 : 0 }] : [];
    } catch {
      return []; // gone meanwhile
    }
  });
}

/** The resident memory of `root` and its descendants, together (processes seen once stay counted while alive). */
export function treeRss(table: readonly ProcessEntry[], root: number, known: Set<number>): number {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of table) children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry]);
  const inTree = new Set<number>();
  const walk = (pid: number) => {
    inTree.add(pid);
    for (const child of children.get(pid) ?? []) if (!inTree.has(child.pid)) walk(child.pid);
  };
  walk(root);
  // A descendant whose parent exited is re-parented elsewhere: still ours once seen.
  for (const pid of known) if (table.some((entry) => entry.pid === pid)) walk(pid);
  for (const pid of inTree) known.add(pid);
  return table.filter((entry) => inTree.has(entry.pid)).reduce((total, entry) => total + entry.rssBytes, 0);
}

/** Samples the tree's memory every `everyMs` until stopped; stop() gives the largest sample, or null without /proc. */
function sampleTree(root: number, everyMs = 200): { stop: () => number | null } {
  if (!existsSync("/proc/self/status")) return { stop: () => null };
  const known = new Set<number>();
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(processTable(), root, known));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak || null;
    },
  };
}

export interface OutputStats {
  /** HTML pages written. */
  pages: number;
  /** Every file written. */
  files: number;
  bytes: number;
}

export function filesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (directory: string, prefix: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(directory, entry.name), `${prefix}${entry.name}/`);
      else files.push(`${prefix}${entry.name}`);
    }
  };
  walk(folder, "");
  return files.sort();
}

export function outputStats(folder: string): OutputStats {
  const files = filesUnder(folder);
  let bytes = 0;
  for (const file of files) bytes += statSync(join(folder, file)).size;
  return { pages: files.filter((file) => file.endsWith(".html")).length, files: files.length, bytes };
}

export interface PageWeight {
  explainersMeasured: number;
  cssGzipBytes: number;
  /** Gzipped HTML plus gzipped CSS, as the output contract counts it. */
  largestBytes: number;
  largestPath: string;
  medianBytes: number;
}

const EXPLAINER = /^organisations\/[^/]+\/[^/]+\/index\.html$/;
const gzipped = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** The weight of explainer pages (HTML plus the stylesheet, gzip -9): every one, or `limit` evenly spread. */
export function explainerWeight(folder: string, limit = Infinity): PageWeight | null {
  const explainers = filesUnder(folder).filter((file) => EXPLAINER.test(file));
  const stylesheet = join(folder, "assets/site.css");
  if (explainers.length === 0 || !existsSync(stylesheet)) return null;
  const css = gzipped(readFileSync(stylesheet));
  const step = Math.max(1, Math.ceil(explainers.length / limit));
  const sizes = explainers
    .filter((_, index) => index % step === 0)
    .map((file) => ({ file, bytes: gzipped(readFileSync(join(folder, file))) + css }));
  sizes.sort((a, b) => a.bytes - b.bytes);
  const largest = sizes[sizes.length - 1]!;
  return {
    explainersMeasured: sizes.length,
    cssGzipBytes: css,
    largestBytes: largest.bytes,
    largestPath: largest.file,
    medianBytes: sizes[Math.floor(sizes.length / 2)]!.bytes,
  };
}
