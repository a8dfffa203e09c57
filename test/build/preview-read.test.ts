/**
 * `npm start` reads the site again after each edit keeping what it read before
 * (`SiteMemory`, src/site.ts): only changed files are read, only the organisations they
 * belong to are built again, only their part of the national pictures worked out again.
 * Whatever the edit, the Site must be the one a full read gives: here every open data
 * file (every inspection, judgement, organisation and national picture) and every page
 * of the model are compared after edits of each kind, on a synthetic corpus.
 */
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../bench/corpus.ts";
import { openDataFiles, readSite, siteMemory, type Site, type SiteMemory } from "../../src/site.ts";
import { projectRoot } from "../fixtures/build-site.ts";
import { sitePageMarkup } from "../fixtures/site-pages.ts";

const read = suite("npm start: reading the site again after an edit");
let work = "";
let content = "";
let memory: SiteMemory;

read.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-preview-read-"));
  content = join(work, "content");
  generateCorpus(content, 60, { projectRoot, seed: 11 });
  memory = siteMemory();
  readSite(projectRoot, content, {}, memory);
});
read.after(() => rmSync(work, { recursive: true, force: true }));

/** Everything a build writes from the Site: open data and the model's pages, by path. */
function written(site: Site): Map<string, string> {
  const data = [...openDataFiles(site)].map(([path, pieces]): [string, string] => [path, [...pieces].join("")]);
  return new Map([...data, ...sitePageMarkup(site)]);
}

/** Reads again with the memory and afresh, and checks the two Sites give the same files and problems. */
function sameAsFullRead(what: string, clean = true): Site {
  const again = readSite(projectRoot, content, {}, memory);
  const full = readSite(projectRoot, content, {});
  assert.equal(again.problems, full.problems, `${what}: problems`);
  const a = written(again);
  const b = written(full);
  assert.equal([...a.keys()].sort(), [...b.keys()].sort(), `${what}: the same files`);
  for (const [path, text] of b) if (a.get(path) !== text) assert.unreachable(`${what}: ${path} differs`);
  if (clean) assert.equal(full.problems, [], `${what}: the edit leaves content with no problems`);
  return again;
}

function inspectionFile(organisation: string, nth = 0): string {
  const folder = join(content, "inspections", organisation);
  const files = readdir(folder);
  return join(folder, files[nth]!);
}

/** The nth organisation's first inspection file whose name matches. */
function fileLike(pattern: RegExp, nth = 0): string {
  const [organisation, name] = organisations()
    .flatMap((organisation) =>
      readdir(join(content, "inspections", organisation))
        .filter((file) => pattern.test(file))
        .map((file) => [organisation, file]),
    )
    .at(nth)!;
  return join(content, "inspections", organisation!, name!);
}

function readdir(folder: string): string[] {
  return readdirSync(folder).sort();
}

function organisations(): string[] {
  return readdir(join(content, "inspections"));
}

function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, "utf8");
  const after = change(before);
  assert.is.not(after, before, `the edit of ${path} changes it`);
  writeFileSync(path, after);
}

read("a grade changed in one inspection", () => {
  const path = fileLike(/standard|single|short/);
  const swap: Record<string, string> = { good: "outstanding", outstanding: "good", inadequate: "good" };
  edit(path, (text) =>
    text.replace(/^( {2}[a-z-]+: )(good|outstanding|inadequate)$/m, (_, field, grade) => `${field}${swap[grade]}`),
  );
  sameAsFullRead("grade");
});

read("a grade changed, with the watcher's list of changed files (only those are stamped)", () => {
  const path = fileLike(/standard|single|short/, 3);
  const swap: Record<string, string> = { good: "outstanding", outstanding: "good", inadequate: "good" };
  edit(path, (text) =>
    text.replace(
      /^( {2}[a-z-]+: )(good|outstanding|inadequate)$/m,
      (_, field: string, grade: string) => `${field}${swap[grade]}`,
    ),
  );
  memory.reads.changed = new Set([path]);
  sameAsFullRead("grade, with the list");
  // A list naming a file by a path the reader does not know: every file is stamped, and the edit still seen.
  const other = fileLike(/standard|single|short/, 5);
  edit(other, (text) =>
    text.replace(
      /^( {2}[a-z-]+: )(good|outstanding|inadequate)$/m,
      (_, field: string, grade: string) => `${field}${swap[grade]}`,
    ),
  );
  memory.reads.changed = new Set([join(work, "elsewhere", "file.md")]);
  sameAsFullRead("grade, with a list naming another file");
});

read("a sentence changed, the file the same size", () => {
  const path = inspectionFile(organisations()[1]!, 0);
  edit(path, (text) => text.replace(/([a-z])([a-z])\./, "$2$1."));
  sameAsFullRead("sentence");
});

read("an inspection moved to another year (its lists and pictures change)", () => {
  const path = fileLike(/2014-single-inspection/, 1);
  edit(path, (text) =>
    text.replace(/\b(20\d\d)(-\d\d-\d\d)\b/g, (_, year: string, rest: string) => `${Number(year) + 1}${rest}`),
  );
  sameAsFullRead("moved");
});

read("an inspection file deleted, and a new one added", () => {
  unlinkSync(fileLike(/monitoring-visit/, 0));
  sameAsFullRead("deleted");
  const visit = fileLike(/monitoring-visit/, 2);
  const source = readFileSync(visit, "utf8");
  writeFileSync(visit.replace(/[^/]+$/, "2099-added.md"), source.replace(/(\d{4}-\d\d)-\d\d/g, "$1-27"));
  sameAsFullRead("added");
});

read("a bad edit shows its problem, and the fix gives the site back", () => {
  const path = inspectionFile(organisations()[3]!, 0);
  const before = readFileSync(path, "utf8");
  appendFileSync(path, "");
  edit(path, (text) => text.replace(/^framework: .*$/m, "framework: no-such-framework"));
  const broken = sameAsFullRead("bad edit", false);
  assert.ok(broken.problems.length > 0, "the bad edit is a problem");
  writeFileSync(path, before);
  const fixed = sameAsFullRead("fixed");
  assert.is(fixed.problems.length, 0);
});

read("an organisation renamed (the lists re-sort), then a framework edited (all built again)", () => {
  const organisation = join(content, "organisations", `${organisations()[4]!}.md`);
  edit(organisation, (text) => text.replace(/^name: .*$/m, "name: Aardvark County Council"));
  sameAsFullRead("renamed");
  const framework = join(content, "frameworks", readdir(join(content, "frameworks"))[0]!);
  edit(framework, (text) => text.replace(/^name: (.*)$/m, "name: $1 (edited)"));
  sameAsFullRead("framework");
});

read("a file renamed within its organisation", () => {
  const organisation = organisations()[5]!;
  const path = inspectionFile(organisation, 0);
  renameSync(path, join(content, "inspections", organisation, "2001-renamed.md"));
  sameAsFullRead("renamed file");
});

read(
  "organisations moved to another region, made an example, added and removed (the pictures' rows and lists change)",
  () => {
    const organisationFile = (nth: number) => join(content, "organisations", `${organisations()[nth]!}.md`);
    edit(organisationFile(6), (text) => text.replace(/^region: .*$/m, 'region: "Atlantis"'));
    sameAsFullRead("new region");
    edit(organisationFile(6), (text) => text.replace(/^region: .*\n/m, ""));
    edit(organisationFile(7), (text) => text.replace(/^region: .*$/m, 'region: "North East"'));
    sameAsFullRead("region gone, another moved");
    edit(organisationFile(8), (text) => text.replace(/^---\n/, "---\nexample: true\n"));
    sameAsFullRead("made an example");
    const [model] = organisations().slice(9);
    writeFileSync(
      join(content, "organisations", "aaa-added.md"),
      readFileSync(join(content, "organisations", `${model}.md`), "utf8").replace(/^name: .*$/m, 'name: "Aaa Added"'),
    );
    cpSync(join(content, "inspections", model!), join(content, "inspections", "aaa-added"), { recursive: true });
    for (const file of readdir(join(content, "inspections", "aaa-added")))
      edit(join(content, "inspections", "aaa-added", file), (text) =>
        text.replace(/^organisation: .*$/m, "organisation: aaa-added"),
      );
    sameAsFullRead("organisation added");
    const gone = organisations()[10]!;
    rmSync(join(content, "inspections", gone), { recursive: true });
    rmSync(join(content, "events", gone), { recursive: true, force: true });
    unlinkSync(join(content, "organisations", `${gone}.md`));
    sameAsFullRead("organisation removed");
  },
);

read.run();
