/**
 * The one-file rebuild time of the preview (`npm start`), measured as an editor meets it:
 * from saving an inspection file to the preview serving the new page and telling the
 * browser to reload.
 *
 * It starts the preview on a content folder (Eleventy's dev server, as `npm start` runs
 * it, on a free port, writing to a temporary folder), waits until it is watching, then
 * changes one grade in one inspection file (a graded inspection of an organisation with
 * several, so its neighbours, its organisation and its lists all show it) and polls the
 * served explainer, organisation page and a list page that shows it over HTTP on
 * 127.0.0.1 until all three have changed and the preview has logged the reload
 * ("Watching…"). Then it puts the grade back and measures again, `edits` times in all.
 * The file is left as it was found, even when the measurement fails.
 *
 *   node --import tsx bench/preview-rebuild.ts --content <folder> [--edits 4] [--images] [--search] [--timeout 1800]
 *
 * `measurePreviewRebuild` is what `npm run bench -- --corpus <folder>` calls.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { get as httpGet } from "node:http";
import { basename, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Inspection } from "../src/model/types.ts";
import { inspectionUrl, organisationUrl } from "../src/render/urls.ts";
import { readSite, type Site } from "../src/site.ts";

export interface PreviewRebuildOptions {
  /** The content folder. */
  content: string;
  /** The project folder (site.yaml, layouts/); this project by default. */
  root?: string;
  /** How many one-file edits to time (a change, then putting it back, and so on); 4 by default. */
  edits?: number;
  /** Draw share images, as `npm start` does by default (the image cache is the project's); off by default, as a cold cache draws every inspection's image at start. */
  images?: boolean;
  /** Index the preview for search, as `npm start` does; off by default (at 40,000 inspections one index took minutes and gigabytes, and the preview indexes that large a site only at its start). */
  search?: boolean;
  /** Seconds to wait after each rebuild before the next save; 20 by default. */
  settleSeconds?: number;
  /** Give up after this long waiting for the preview to start or a change to show; 1,800 s by default. */
  timeoutSeconds?: number;
  /** Lines of progress; silent by default. */
  log?: (line: string) => void;
}

export interface EditTiming {
  /** Save to the explainer, the organisation page and the list page all serving the new markup, and the reload logged. */
  seconds: number;
  /** Save to each page serving its new markup. */
  explainer: number;
  organisation: number;
  list: number;
  /** Save to the preview logging that it reloaded the browser ("Watching…"). */
  reload: number;
}

export interface PreviewRebuildResult {
  /** The median of the edits' times: the one-file rebuild time in the preview. */
  seconds: number;
  edits: EditTiming[];
  /** From starting the preview to its first "Watching…". */
  startSeconds: number;
  /** The file edited, and the pages watched. */
  file: string;
  urls: { explainer: string; organisation: string; list: string };
  images: boolean;
  search: boolean;
  /** What the preview printed about each rebuild (its own timings). */
  previewLog: string[];
}

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

interface Target {
  inspection: Inspection;
  file: string;
  /** The line as written, and the line with another grade. */
  line: string;
  changed: string;
  listUrl: string;
}

/** A graded inspection with a written grade, of an organisation with three or more inspections, shown on a list page. */
function chooseTarget(site: Site, root: string): Target {
  for (const organisation of site.model.organisations) {
    if (organisation.inspections.length < 3) continue;
    for (const inspection of [...organisation.inspections].reverse()) {
      // An area of the headline grades (not one shown apart, like COVID-19), which lists and the organisation's page show.
      const judgement = inspection.judgements.find(
        (item) => item.written && item.outcome.kind === "grade" && !item.area.separate && !item.area.parent,
      );
      const list = site.listingPages.find((page) => page.items.includes(inspection));
      if (!judgement || !list) continue;
      const grades = inspection.framework.scale.grades;
      const rank = grades.findIndex((grade) => grade.id === judgement.outcome.id);
      const other = grades[rank + 1] ?? grades[rank - 1];
      const file = resolve(root, inspection.sourcePath);
      const pattern = new RegExp(`^(\\s+${judgement.area.id}:\\s*)(["']?)${judgement.outcome.id}\\2\\s*$`, "m");
      const line = pattern.exec(readFileSync(file, "utf8"))?.[0];
      if (!other || !line) continue;
      return { inspection, file, line, changed: line.replace(pattern, `$1${other.id}`), listUrl: list.url };
    }
  }
  throw new Error(
    "No inspection to edit: the content needs an organisation with three inspections, one with a written grade.",
  );
}

interface Preview {
  child: ChildProcess;
  /** Every line printed, with when it arrived. */
  lines: { at: number; text: string }[];
  port: () => number | undefined;
}

function startPreview(root: string, content: string, output: string, images: boolean, search: boolean): Preview {
  const eleventy = join(root, "node_modules/@11ty/eleventy/cmd.cjs");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", eleventy, "--config=.eleventy.ts", "--serve", "--port=0", `--output=${output}`],
    {
      cwd: root,
      env: {
        ...process.env,
        EXPLAINERS_CONTENT: content,
        EXPLAINERS_IMAGES: images ? "on" : "off",
        EXPLAINERS_PREVIEW_SEARCH: search ? "on" : "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const lines: Preview["lines"] = [];
  const take = (chunk: Buffer) => {
    const at = performance.now();
    for (const text of chunk.toString().split("\n")) if (text.trim()) lines.push({ at, text });
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const port = () => {
    for (const { text } of lines) {
      const found = /Server at \S*?:(\d+)\//.exec(text);
      if (found) return Number(found[1]);
    }
    return undefined;
  };
  return { child, lines, port };
}

function stopPreview(preview: Preview): void {
  if (preview.child.exitCode !== null || preview.child.pid === undefined) return;
  try {
    process.kill(-preview.child.pid, "SIGTERM");
  } catch {
    preview.child.kill("SIGTERM");
  }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A page, on a connection of its own: the dev server closes idle connections, which a pooled fetch may pick. */
function page(port: number, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const request = httpGet({ host: "127.0.0.1", port, path: url, agent: false, timeout: 30_000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", () => resolve({ status: 0, body: "" }));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve({ status: 0, body: "" }));
  });
}

/** Waits until `ready` holds, checking every `every` ms; the time it first held. */
async function until(
  ready: () => boolean | Promise<boolean>,
  deadline: number,
  what: string,
  every = 20,
): Promise<number> {
  for (;;) {
    if (await ready()) return performance.now();
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await pause(every);
  }
}

function watching(preview: Preview, after: number): boolean {
  return preview.lines.some((line) => line.at >= after && line.text.includes("Watching…"));
}

/** One save, timed until the three pages show it and the preview has reloaded. */
async function timeEdit(
  preview: Preview,
  port: number,
  urls: PreviewRebuildResult["urls"],
  write: () => void,
  deadline: number,
): Promise<EditTiming> {
  const before = {
    explainer: (await page(port, urls.explainer)).body,
    organisation: (await page(port, urls.organisation)).body,
    list: (await page(port, urls.list)).body,
  };
  const saved = performance.now();
  write();
  const changed = (url: string, old: string) => async () => {
    const now = await page(port, url);
    return now.status === 200 && now.body !== old;
  };
  // The organisation's page and the list must change too, soon after; a page that does not is a failure, not a wait.
  const soon = Math.min(deadline, saved + 120_000);
  const [explainer, organisation, list, reload] = await Promise.all([
    until(changed(urls.explainer, before.explainer), deadline, `${urls.explainer} to change`),
    until(changed(urls.organisation, before.organisation), soon, `${urls.organisation} to change`),
    until(changed(urls.list, before.list), soon, `${urls.list} to change`),
    until(() => watching(preview, saved), deadline, "the preview to reload"),
  ]);
  const since = (at: number) => (at - saved) / 1000;
  return {
    seconds: since(Math.max(explainer, organisation, list, reload)),
    explainer: since(explainer),
    organisation: since(organisation),
    list: since(list),
    reload: since(reload),
  };
}

/**
 * Saves as many editors do: the new text to a file beside it, renamed over it.
 */
function save(file: string, text: string): void {
  // A name starting with '.', which the content reader passes over.
  const beside = join(dirname(file), `.${basename(file)}.saving`);
  writeFileSync(beside, text);
  renameSync(beside, file);
}

/**
 * One save, not timed, repeated until the preview rebuilds: the timed saves then find the
 * preview and its watcher settled: the watcher goes on finding the files for a while
 * after "Watching…" (about 10 s for 48,000 files on a quiet machine), and a save by
 * renaming, as here, in that time is not seen (docs/editing.md).
 */
async function warmUp(preview: Preview, file: string, text: string, deadline: number, log: (line: string) => void) {
  for (let attempt = 1; ; attempt++) {
    const saved = performance.now();
    save(file, text);
    try {
      await until(() => watching(preview, saved), Math.min(deadline, saved + 60_000), "a first rebuild", 100);
      log(`The preview rebuilt after a first, untimed save (attempt ${attempt}).`);
      return;
    } catch {
      if (performance.now() > deadline) throw new Error("The preview never rebuilt after a save.");
      log(
        `No rebuild 60 s after a save; saving again. The preview's last lines:\n${preview.lines
          .slice(-5)
          .map((line) => line.text)
          .join("\n")}`,
      );
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function measurePreviewRebuild(options: PreviewRebuildOptions): Promise<PreviewRebuildResult> {
  const root = resolve(options.root ?? projectRoot);
  const content = resolve(options.content);
  const log = options.log ?? (() => {});
  const images = options.images ?? false;
  const search = options.search ?? false;
  const timeout = (options.timeoutSeconds ?? 1800) * 1000;
  const site = readSite(root, content, {});
  if (site.problems.length > 0)
    throw new Error(`${content} has ${site.problems.length} problems: run npm run check on it.`);
  const target = chooseTarget(site, root);
  const urls = {
    explainer: inspectionUrl(target.inspection),
    organisation: organisationUrl(target.inspection.organisation),
    list: target.listUrl,
  };
  const original = readFileSync(target.file);
  const { atime, mtime } = statSync(target.file);
  const output = mkdtempSync(join(tmpdir(), "explainers-preview-"));
  log(`Starting the preview on ${content} (writing to ${output}); it will edit ${target.file}.`);
  const started = performance.now();
  const preview = startPreview(root, content, output, images, search);
  try {
    await until(
      () => watching(preview, started) && preview.port() !== undefined,
      started + timeout,
      "the preview to start",
      200,
    );
    const startSeconds = (performance.now() - started) / 1000;
    const port = preview.port()!;
    log(`The preview started in ${startSeconds.toFixed(1)} s, at http://127.0.0.1:${port}/.`);
    const text = original.toString("utf8");
    await warmUp(preview, target.file, text, started + timeout, log);
    const settle = (options.settleSeconds ?? 20) * 1000;
    await pause(settle);
    const edits: EditTiming[] = [];
    for (let index = 0; index < (options.edits ?? 4); index++) {
      const next = index % 2 === 0 ? text.replace(target.line, target.changed) : text;
      const timing = await timeEdit(preview, port, urls, () => save(target.file, next), performance.now() + timeout);
      edits.push(timing);
      log(
        `Edit ${index + 1}: ${timing.seconds.toFixed(2)} s (explainer ${timing.explainer.toFixed(2)}, organisation ${timing.organisation.toFixed(2)}, list ${timing.list.toFixed(2)}, reload ${timing.reload.toFixed(2)}).`,
      );
      // A pause between saves, as an editor makes.
      await pause(settle);
    }
    const previewLog = preview.lines
      .map((line) => line.text)
      .filter((line) => /Wrote|Copied|Search:|seconds|Drew|read|File changed/i.test(line));
    return {
      seconds: median(edits.map((edit) => edit.seconds)),
      edits,
      startSeconds,
      file: target.file,
      urls,
      images,
      search,
      previewLog,
    };
  } finally {
    stopPreview(preview);
    writeFileSync(target.file, original);
    utimesSync(target.file, atime, mtime);
    rmSync(output, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: "string" },
      root: { type: "string" },
      edits: { type: "string" },
      images: { type: "boolean" },
      search: { type: "boolean" },
      timeout: { type: "string" },
      settle: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!values.content) {
    console.error(
      "Usage: node --import tsx bench/preview-rebuild.ts --content <folder> [--edits 4] [--images] [--timeout 1800] [--json]",
    );
    process.exit(2);
  }
  const result = await measurePreviewRebuild({
    content: values.content,
    ...(values.root ? { root: values.root } : {}),
    ...(values.edits ? { edits: Number(values.edits) } : {}),
    ...(values.images ? { images: true } : {}),
    ...(values.search ? { search: true } : {}),
    ...(values.timeout ? { timeoutSeconds: Number(values.timeout) } : {}),
    ...(values.settle ? { settleSeconds: Number(values.settle) } : {}),
    log: (line) => console.error(line),
  });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else
    console.log(
      `One-file rebuild in the preview: ${result.seconds.toFixed(2)} s (median of ${result.edits.length} edits: ${result.edits.map((edit) => edit.seconds.toFixed(2)).join(", ")} s; images ${result.images ? "on" : "off"}, search ${result.search ? "on" : "off"}); the preview started in ${result.startSeconds.toFixed(1)} s.`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
