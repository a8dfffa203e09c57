/**
 * The preview after an edit writes only what the edit changed (src/eleventy/site-pages-plugin.ts,
 * sharing-plugin.ts, reading the Site's record of what changed; src/site.ts reads again keeping what it read). What it
 * then serves must be what a full build of the same content writes: after each edit the
 * preview's output folder is compared, file by file, with a fresh build's, and its open
 * data (served, not written, in the preview) with the build's files. Edits: a grade, an
 * inspection moved to another year, a file deleted (Eleventy 3 does not rebuild on a
 * deletion, so a save of another file follows), a file added, a bad edit that shows the
 * problems page and then its fix, an organisation renamed, an inspection moved to another
 * organisation, a framework edited.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../bench/corpus.ts";
import {
  getPage,
  servedAt,
  startPreview,
  stopPreview,
  until as waitFor,
  type PreviewServer,
} from "./preview-server.ts";
import { projectRoot } from "./support.ts";

const eleventy = join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs");
const incremental = suite("npm start: after an edit, the preview is what a full build makes");

let work = "";
let content = "";
let server: PreviewServer | undefined;
let origin = "";

function environment(): NodeJS.ProcessEnv {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...inherited } = process.env;
  return {
    ...inherited,
    EXPLAINERS_CONTENT: content,
    EXPLAINERS_IMAGE_CACHE: join(work, "image-cache"),
    EXPLAINERS_PREVIEW_SEARCH: "off",
    NO_COLOR: "1",
  };
}

const until = <T>(what: string, seconds: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> =>
  waitFor(() => server, what, seconds, probe, 100);

const get = (path: string) => getPage(`${origin}${path}`, { seconds: 30 });

const output = () => server?.output() ?? "";
const rebuilds = () => output().split("Watching…").length - 1;

/** Every file under `folder` but the search index, by its path inside it. */
function filesUnder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (directory: string, prefix: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) {
        if (prefix === "" && name === "pagefind") continue;
        walk(path, `${prefix}${name}/`);
      } else files.set(`${prefix}${name}`, readFileSync(path));
    }
  };
  walk(folder, "");
  return files;
}

/** A full build of the content as it is now, by Eleventy run once, into a fresh folder. */
function fullBuild(): string {
  const folder = mkdtempSync(join(work, "full-"));
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", eleventy, "--config=.eleventy.ts", `--output=${folder}`, "--quiet"],
    {
      cwd: projectRoot,
      env: environment(),
      encoding: "utf8",
    },
  );
  assert.is(result.status, 0, result.stderr);
  return folder;
}

/** After the edit `make`, waits for the preview to rebuild, then compares what it serves with a full build. */
async function afterEdit(what: string, make: () => void): Promise<void> {
  const before = rebuilds();
  make();
  await until(`the preview to rebuild after ${what}`, 120, () => (rebuilds() > before ? true : undefined));
  const full = fullBuild();
  const served = join(work, "preview");
  const a = filesUnder(served);
  const b = filesUnder(full);
  // The open data files (not the page about them, data/index.html).
  const data = [...b.keys()].filter((path) => path.startsWith("data/") && !path.endsWith(".html"));
  assert.ok(data.length > 0, "the full build writes open data");
  for (const path of data) b.delete(path);
  const missing = [...b.keys()].filter((path) => !a.has(path));
  const extra = [...a.keys()].filter((path) => !b.has(path));
  assert.equal(
    [missing, extra],
    [[], []],
    `${what}: files missing from the preview, and files it has that a build does not`,
  );
  const differ = [...b].filter(([path, bytes]) => !bytes.equals(a.get(path)!)).map(([path]) => path);
  assert.equal(differ, [], `${what}: files that differ`);
  // The open data the preview serves is what the build writes.
  const parts = JSON.parse(readFileSync(join(full, "data/parts.json"), "utf8")).tables.judgements.parts;
  for (const path of ["data/parts.json", `data/${parts.at(-1).json}`, "data/organisations.json", "data/national.csv"]) {
    const response = await get(`/${path}`);
    assert.is(response.status, 200, path);
    assert.is(response.body, readFileSync(join(full, path), "utf8"), `${what}: ${path}`);
  }
  rmSync(full, { recursive: true, force: true });
}

/** The nth inspection file (in name order across organisations) whose file name matches. */
function fileLike(pattern: RegExp, nth = 0): string {
  const inspections = join(content, "inspections");
  const files = readdirSync(inspections)
    .sort()
    .flatMap((organisation) =>
      readdirSync(join(inspections, organisation))
        .sort()
        .filter((file) => pattern.test(file))
        .map((file) => join(inspections, organisation, file)),
    );
  return files[nth]!;
}

function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, "utf8");
  const after = change(before);
  assert.is.not(after, before, `the edit changes ${path}`);
  writeFileSync(path, after);
}

incremental.before(async () => {
  work = mkdtempSync(join(tmpdir(), "explainers-preview-incremental-"));
  content = join(work, "content");
  generateCorpus(content, 40, { projectRoot, seed: 5 });
  server = startPreview(join(work, "preview"), environment());
  origin = await until("the preview to start", 180, () => servedAt(output()));
  await until("the first build", 180, () => (rebuilds() > 0 ? true : undefined));
});

incremental.after(async () => {
  await stopPreview(server?.child);
  rmSync(work, { recursive: true, force: true });
});

incremental("a grade changed", async () => {
  const swap: Record<string, string> = { good: "outstanding", outstanding: "good", inadequate: "good" };
  await afterEdit("a grade", () =>
    edit(fileLike(/standard|single|short/, 1), (text) =>
      text.replace(
        /^( {2}[a-z-]+: )(good|outstanding|inadequate)$/m,
        (_, field: string, grade: string) => `${field}${swap[grade]}`,
      ),
    ),
  );
  assert.match(
    output(),
    /Wrote \d+ pages of the model \(([\d,]+ made again, )?of [\d,]+: the others are as they were\)/,
  );
});

incremental("an inspection moved to another year", async () => {
  await afterEdit("a move", () =>
    edit(fileLike(/2014-single-inspection/, 2), (text) =>
      text.replace(/\b(20\d\d)(-\d\d-\d\d)\b/g, (_, year: string, rest: string) => `${Number(year) + 1}${rest}`),
    ),
  );
});

incremental("a file deleted (shown at the next save), and a file added", async () => {
  const gone = fileLike(/monitoring-visit/, 0);
  unlinkSync(gone);
  const next = fileLike(/monitoring-visit/, 1);
  await afterEdit("a deletion", () => edit(next, (text) => text.replace(/^summary: "(.)/m, 'summary: "Edited. $1')));
  // A visit known to the day, so that moving it to the 27th makes it another visit.
  const source = [3, 4, 5, 6, 7, 8]
    .map((nth) => fileLike(/monitoring-visit/, nth))
    .find((path) => /start: \d{4}-\d\d-\d\d$/m.test(readFileSync(path, "utf8")))!;
  await afterEdit("an added file", () =>
    writeFileSync(
      source.replace(/[^/]+$/, "2099-added.md"),
      readFileSync(source, "utf8").replace(/(\d{4}-\d\d)-\d\d/g, "$1-27"),
    ),
  );
});

incremental("a bad edit shows the problems page; its fix gives back the site a build makes", async () => {
  const path = fileLike(/standard|single|short/, 4);
  const text = readFileSync(path, "utf8");
  const before = rebuilds();
  writeFileSync(path, text.replace(/^framework: .*$/m, "framework: no-such-framework"));
  await until("the problems page", 120, async () => {
    const response = await get("/");
    return response.status === 500 && rebuilds() > before ? true : undefined;
  });
  await afterEdit("the fix", () => writeFileSync(path, text));
});

incremental("an organisation renamed", async () => {
  const organisations = join(content, "organisations");
  const file = join(organisations, readdirSync(organisations).sort()[3]!);
  await afterEdit("a rename", () => edit(file, (text) => text.replace(/^name: .*$/m, "name: Aardvark County Council")));
});

incremental("an inspection moved to another organisation", async () => {
  const path = fileLike(/standard/, 2);
  const organisations = readdirSync(join(content, "inspections")).sort();
  const from = path.split("/").at(-2)!;
  const to = organisations.find((organisation) => organisation !== from)!;
  await afterEdit("a move between organisations", () => {
    writeFileSync(
      join(content, "inspections", to, `2003-moved-${path.split("/").at(-1)}`),
      readFileSync(path, "utf8").replace(/^organisation: .*$/m, `organisation: ${to}`),
    );
    unlinkSync(path);
  });
});

incremental("a framework edited", async () => {
  const frameworks = join(content, "frameworks");
  const file = join(frameworks, readdirSync(frameworks).sort()[0]!);
  await afterEdit("a framework", () => edit(file, (text) => text.replace(/^name: (.*)$/m, "name: $1 (edited)")));
});

incremental.run();
