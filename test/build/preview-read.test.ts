/**
 * `npm start` reads the site again after each edit keeping what it read before
 * (`SiteMemory`, src/site.ts): only changed files are read, only the organisations they
 * belong to are built again, only their part of the national pictures worked out again.
 * Whatever the edit, the Site must be the one a full read gives: here every open data
 * file (every inspection, judgement, organisation and national picture) and every page
 * of the model are compared after edits of each kind, on a synthetic corpus. Where the
 * Site's record of what changed decides what is kept (an organisation renamed, a framework
 * edited, a file deleted, a file moved between organisations), the record is checked too.
 */
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdirSync,
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

/** The Site's record of what changed, with its sets as sorted lists. */
function changeOf(site: Site) {
  const { everything, organisations, gone, reread, definitions, removed } = site.change;
  return {
    everything,
    definitions,
    organisations: [...organisations].sort(),
    reread: [...reread].map((path) => path.replace(/^.*?content\//, "")).sort(),
    gone: [...gone].map((path) => path.replace(/^.*?content\//, "")).sort(),
    removed: [...removed.organisations, ...removed.inspections].map((item) => item.id).sort(),
  };
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
  const deleted = fileLike(/monitoring-visit/, 0);
  const [organisation, name] = deleted.split("/").slice(-2) as [string, string];
  unlinkSync(deleted);
  assert.equal(changeOf(sameAsFullRead("deleted")), {
    everything: false,
    definitions: false,
    organisations: [organisation],
    reread: [],
    gone: [`inspections/${organisation}/${name}`],
    removed: [`${organisation}/${name.replace(/\.md$/, "")}`],
  });
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
  const id = organisations()[4]!;
  const organisation = join(content, "organisations", `${id}.md`);
  edit(organisation, (text) => text.replace(/^name: .*$/m, "name: Aardvark County Council"));
  assert.equal(changeOf(sameAsFullRead("renamed")), {
    everything: false,
    definitions: false,
    organisations: [id],
    reread: [`organisations/${id}.md`],
    gone: [],
    removed: [],
  });
  const name = readdir(join(content, "frameworks"))[0]!;
  edit(join(content, "frameworks", name), (text) => text.replace(/^name: (.*)$/m, "name: $1 (edited)"));
  assert.equal(changeOf(sameAsFullRead("framework")), {
    everything: true,
    definitions: true,
    organisations: [],
    reread: [`frameworks/${name}`],
    gone: [],
    removed: [],
  });
});

read("the environment's overrides of site.yaml changed between reads: the record says everything", () => {
  const environment = { EXPLAINERS_URL: "https://elsewhere.example.org" };
  const other = readSite(projectRoot, content, environment, memory);
  assert.equal([other.change.everything, other.change.settings], [true, false], "site.yaml itself is as it was");
  assert.is(other.settings.url, "https://elsewhere.example.org");
  assert.equal(written(other), written(readSite(projectRoot, content, environment)));
  assert.ok(readSite(projectRoot, content, {}, memory).change.everything, "and back");
  assert.not.ok(readSite(projectRoot, content, {}, memory).change.everything, "then nothing changed");
});

read("an inspection file moved to another organisation, then its copy left behind removed", () => {
  const [from, to] = [organisations()[2]!, organisations()[3]!];
  const path = inspectionFile(from, 0);
  const name = path.replace(/^.*\//, "");
  const moved = join(content, "inspections", to, `2003-moved-${name}`);
  writeFileSync(moved, readFileSync(path, "utf8").replace(/^organisation: .*$/m, `organisation: ${to}`));
  unlinkSync(path);
  memory.reads.changed = new Set([moved]);
  assert.equal(changeOf(sameAsFullRead("moved between organisations")), {
    everything: false,
    definitions: false,
    organisations: [from, to].sort(),
    reread: [`inspections/${to}/2003-moved-${name}`],
    gone: [`inspections/${from}/${name}`],
    removed: [`${from}/${name.replace(/\.md$/, "")}`],
  });
  // The same file given back to its first organisation by its field alone, in the other's folder.
  edit(moved, (text) => text.replace(/^organisation: .*$/m, `organisation: ${from}`));
  memory.reads.changed = new Set([moved]);
  assert.equal(changeOf(sameAsFullRead("given back by its field")).organisations, [from, to].sort());
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

/** Reads again as sameAsFullRead does, and checks the content has a problem saying `message`. */
function problemSeen(what: string, message: RegExp): void {
  const site = sameAsFullRead(what, false);
  assert.ok(
    site.problems.some((problem) => message.test(problem.message)),
    `${what}: ${message} among ${site.problems.map((problem) => problem.message).join(" | ")}`,
  );
}

/** The nth organisation with a graded standard inspection, its file, and its organisation's folder. */
function standardInspection(nth: number): { path: string; folder: string } {
  const path = fileLike(/standard/, nth);
  return { path, folder: path.replace(/\/[^/]+$/, "") };
}

read("a copy of an inspection (a duplicate) is a problem, and removing it gives the site back", () => {
  const { path, folder } = standardInspection(0);
  const copy = join(folder, "2030-copy.md");
  copyFileSync(path, copy);
  memory.reads.changed = new Set([copy]);
  problemSeen("duplicate", /describes the same inspection/);
  unlinkSync(copy);
  sameAsFullRead("duplicate removed");
});

read("two inspections of one organisation on one day, then one moved back", () => {
  const { path, folder } = standardInspection(1);
  const other = join(folder, "2030-same-day.md");
  const text = readFileSync(path, "utf8");
  writeFileSync(other, text.replace(/^kind: standard$/m, "kind: short").replace(/^report: (.*)$/m, "report: $1-short"));
  memory.reads.changed = new Set([other]);
  problemSeen("same day", /starting on the same day/);
  edit(other, (source) =>
    source.replace(
      /^(\s+start: \d{4}-\d\d-)(\d\d)$/m,
      (_, month: string, day: string) => `${month}${day === "01" ? "02" : "01"}`,
    ),
  );
  memory.reads.changed = new Set([other]);
  sameAsFullRead("same day moved", false);
  unlinkSync(other);
  sameAsFullRead("same day removed");
});

read("a previous inspection named that came later, or not at all, then none", () => {
  const organisation = organisations()[6]!;
  const [earlier, later] = [inspectionFile(organisation, 0), inspectionFile(organisation, 1)];
  const laterName = later.replace(/^.*\/|\.md$/g, "");
  const before = readFileSync(earlier, "utf8");
  edit(earlier, (text) => text.replace(/^kind: (.*)$/m, `kind: $1\nprevious: ${laterName}`));
  memory.reads.changed = new Set([earlier]);
  problemSeen("previous later", /did not happen before this inspection|is not graded, so it is never compared/);
  edit(earlier, (text) => text.replace(/^previous: .*$/m, "previous: 1999-no-such-inspection"));
  problemSeen(
    "previous missing",
    /There is no inspection '1999-no-such-inspection'|is not graded, so it is never compared/,
  );
  writeFileSync(earlier, before);
  sameAsFullRead("previous removed");
});

read("an organisation's file removed while its inspections remain, then put back", () => {
  const path = join(content, "organisations", `${organisations()[7]!}.md`);
  const text = readFileSync(path, "utf8");
  unlinkSync(path);
  // The watcher does not report a file deleted: it names the next file saved.
  memory.reads.changed = new Set([inspectionFile(organisations()[8]!, 0)]);
  problemSeen("organisation removed", /There is no organisation/);
  writeFileSync(path, text);
  memory.reads.changed = new Set([path]);
  sameAsFullRead("organisation back");
});

read("an inspection without a report link, then its organisation given a page of reports", () => {
  const { path } = standardInspection(2);
  const organisation = join(
    content,
    "organisations",
    `${/^organisation: (.*)$/m.exec(readFileSync(path, "utf8"))![1]}.md`,
  );
  const [inspectionText, organisationText] = [readFileSync(path, "utf8"), readFileSync(organisation, "utf8")];
  edit(path, (text) => text.replace(/^report: .*\n/m, ""));
  problemSeen("no report", /needs a link to the published report/);
  edit(organisation, (text) =>
    text.replace(/^website: (.*)$/m, "website: $1\nreports: https://reports.example.org/its-page"),
  );
  memory.reads.changed = new Set([organisation]);
  sameAsFullRead("page of reports");
  writeFileSync(organisation, organisationText);
  problemSeen("page of reports removed", /needs a link to the published report/);
  writeFileSync(path, inspectionText);
  sameAsFullRead("report back");
});

read("an organisation moved to another region", () => {
  // One with a region, not in the South West already (earlier tests moved some).
  const path = organisations()
    .map((organisation) => join(content, "organisations", `${organisation}.md`))
    .find((file) => /^region: (?!"?South West)/m.test(readFileSync(file, "utf8")))!;
  edit(path, (text) => text.replace(/^region: .*$/m, 'region: "South West"'));
  memory.reads.changed = new Set([path]);
  sameAsFullRead("region");
});

read("a new organisation, its inspection in a new folder, with the watcher naming only the new files", () => {
  const { path } = standardInspection(3);
  const id = /^organisation: (.*)$/m.exec(readFileSync(path, "utf8"))![1]!;
  const organisation = join(content, "organisations", "zebra-county-council.md");
  writeFileSync(
    organisation,
    readFileSync(join(content, "organisations", `${id}.md`), "utf8").replace(
      /^name: .*$/m,
      'name: "Zebra County Council"',
    ),
  );
  mkdirSync(join(content, "inspections", "zebra-county-council"));
  const inspection = join(content, "inspections", "zebra-county-council", "2024-standard.md");
  writeFileSync(
    inspection,
    readFileSync(path, "utf8")
      .replace(/^organisation: .*$/m, "organisation: zebra-county-council")
      .replaceAll(id, "zebra-county-council"),
  );
  memory.reads.changed = new Set([organisation, inspection]);
  sameAsFullRead("new organisation");
});

read("a file renamed, with the watcher naming only the new name; then one deleted, unreported", () => {
  const organisation = organisations()[10]!;
  const path = inspectionFile(organisation, 1);
  const renamed = join(content, "inspections", organisation, "2002-renamed.md");
  renameSync(path, renamed);
  memory.reads.changed = new Set([renamed]);
  sameAsFullRead("renamed, listed");
  unlinkSync(inspectionFile(organisations()[11]!, 0));
  memory.reads.changed = new Set([renamed]);
  sameAsFullRead("deleted, unreported");
});

read("a framework file broken and mended, with a misspelt grade under it (not checked against it meanwhile)", () => {
  const framework = join(content, "frameworks", "ofsted-ilacs-2018.yaml");
  const inspection = fileLike(/standard/, 4);
  const [frameworkText, inspectionText] = [readFileSync(framework, "utf8"), readFileSync(inspection, "utf8")];
  writeFileSync(
    inspection,
    inspectionText
      .replace(/^framework: .*$/m, "framework: ofsted-ilacs-2018")
      .replace(/^( {2}[a-z-]+: )[a-z-]+$/m, "$1goood"),
  );
  const misspelt = /'goood' is not a grade/;
  problemSeen("misspelt grade", misspelt);
  writeFileSync(framework, frameworkText.replace(/^scale: .*$/m, "scale: no-such-scale"));
  memory.reads.changed = new Set([framework]);
  const broken = sameAsFullRead("framework broken", false);
  assert.not.ok(
    broken.problems.some((problem) => misspelt.test(problem.message)),
    "not checked against a broken framework",
  );
  writeFileSync(framework, frameworkText);
  memory.reads.changed = new Set([framework]);
  problemSeen("framework mended", misspelt);
  writeFileSync(inspection, inspectionText);
  sameAsFullRead("grade mended");
});

read.run();
