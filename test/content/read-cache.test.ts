/**
 * What `npm start` keeps between reads of the content (src/content/load.ts, ReadCache;
 * src/content/content-files.ts): an unchanged file gives back the very entry it gave
 * before, a changed one a new one; the watcher's list of changed files is trusted for
 * the files' contents, and folders are always stamped, so a file deleted without a word
 * from the watcher is still missed. Each load says what it read again and what is gone
 * since the load before, and whose they are. Paths in problems are the ones
 * `projectPath` gives.
 */
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ContentSet, Entry } from "../../src/content/content-set.ts";
import { projectPath, projectPathsUnder } from "../../src/content/content-files.ts";
import { loadContent, readCache, type LoadResult } from "../../src/content/load.ts";
import { projectRoot } from "../fixtures/content.ts";

const test = suite("content: reading again with what was kept");
let work = "";
let content = "";

test.before.each(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-read-cache-"));
  content = join(work, "content");
  cpSync(join(projectRoot, "content"), content, { recursive: true });
});
test.after.each(() => rmSync(work, { recursive: true, force: true }));

const oxfordshire = () => join(content, "inspections", "oxfordshire");

/** What the content set holds, without the functions that locate fields. */
function shown(read: ContentSet) {
  return Object.values(read).map((entries: Entry<unknown>[]) => entries.map(({ id, data, body, file }) => ({ id, data, body, path: file.path })));
}

function firstInspection(): string {
  const { content: read } = loadContent(work, content);
  return join(work, read.inspections[0]!.file.path);
}

test("an unchanged file gives the same entry; a changed one a new entry; a full read the same content", () => {
  const cache = readCache();
  const first = loadContent(work, content, cache);
  const path = firstInspection();
  writeFileSync(path, readFileSync(path, "utf8").replace(/^summary: "/m, 'summary: "Edited. '));
  const again = loadContent(work, content, cache);
  const changed = first.content.inspections.findIndex((entry) => join(work, entry.file.path) === path);
  again.content.inspections.forEach((entry, index) =>
    index === changed ? assert.is.not(entry, first.content.inspections[index]) : assert.is(entry, first.content.inspections[index]),
  );
  assert.equal(shown(again.content), shown(loadContent(work, content).content));
});

test("the watcher's list is trusted: a file changed but not named keeps what was read", () => {
  const cache = readCache();
  const first = loadContent(work, content, cache);
  const path = firstInspection();
  const named = join(content, "organisations", "oxfordshire.md");
  writeFileSync(path, readFileSync(path, "utf8").replace(/^summary: "/m, 'summary: "Edited. '));
  cache.changed = new Set([named]);
  assert.equal(loadContent(work, content, cache).content.inspections, first.content.inspections);
  assert.is(cache.changed, undefined, "the list is used once");
  assert.is.not(loadContent(work, content, cache).content.inspections[0]!.data, first.content.inspections[0]!.data);
});

test("a file deleted is missed though the watcher named only another; a file added in a new folder is read", () => {
  const cache = readCache();
  const first = loadContent(work, content, cache);
  const gone = firstInspection();
  unlinkSync(gone);
  cache.changed = new Set([join(content, "organisations", "oxfordshire.md")]);
  const again = loadContent(work, content, cache);
  assert.is(again.content.inspections.length, first.content.inspections.length - 1);
  assert.is(cache.files.has(gone), false, "a file gone is forgotten");
  cpSync(oxfordshire(), join(content, "inspections", "oxfordshire-copy"), { recursive: true });
  const added = loadContent(work, content, cache);
  assert.equal(added.problems, loadContent(work, content).problems);
  assert.ok(added.problems.some((problem) => /same file name/.test(problem.message)), "the copies share ids");
});

test("a file with problems keeps them while unchanged, and loses them when fixed", () => {
  const cache = readCache();
  const path = firstInspection();
  const text = readFileSync(path, "utf8");
  writeFileSync(path, text.replace(/^published: .*$/m, "published: someday"));
  const broken = loadContent(work, content, cache);
  assert.ok(broken.problems.length > 0);
  const { change, ...again } = loadContent(work, content, cache);
  const { change: _, ...was } = broken;
  assert.equal(again, was);
  assert.equal([change.since, [...change.reread], [...change.organisations]], [broken.change.at, [], []]);
  writeFileSync(path, text);
  assert.equal(loadContent(work, content, cache).problems, []);
});

/** A load's change, with its sets as sorted lists. */
function changeOf(result: LoadResult) {
  const { at, since, reread, gone, organisations, definitions, settings } = result.change;
  const sorted = (set: ReadonlySet<string>) => [...set].sort();
  return { at, since, reread: sorted(reread), gone: sorted(gone), organisations: sorted(organisations), definitions, settings };
}

const nothing = { reread: [], gone: [], organisations: [], definitions: false, settings: false };

test("each load says what it read again and what is gone since the load before, and whose", () => {
  const cache = readCache();
  const at = (path: string) => join(work, path);
  assert.equal(changeOf(loadContent(work, content, cache)), { at: 1, since: undefined, ...nothing }, "the first: everything");
  assert.equal(changeOf(loadContent(work, content, cache)), { at: 2, since: 1, ...nothing });
  const edited = "content/inspections/oxfordshire/2018-short-inspection.md";
  writeFileSync(at(edited), readFileSync(at(edited), "utf8").replace(/^summary: "/m, 'summary: "Edited. '));
  assert.equal(changeOf(loadContent(work, content, cache)), { at: 3, since: 2, ...nothing, reread: [edited], organisations: ["oxfordshire"] });
  // A file moved to another organisation's folder, and made that organisation's: both are touched.
  const moved = "content/inspections/wessex-police/2020-focused-visit.md";
  renameSync(at("content/inspections/oxfordshire/2020-focused-visit.md"), at(moved));
  writeFileSync(at(moved), readFileSync(at(moved), "utf8").replace(/^organisation: .*$/m, "organisation: wessex-police"));
  assert.equal(changeOf(loadContent(work, content, cache)), {
    at: 4,
    since: 3,
    ...nothing,
    reread: [moved],
    gone: ["content/inspections/oxfordshire/2020-focused-visit.md"],
    organisations: ["oxfordshire", "wessex-police"],
  });
  // Its organisation field alone changed back: the file is the same, both organisations again.
  writeFileSync(at(moved), readFileSync(at(moved), "utf8").replace(/^organisation: .*$/m, "organisation: oxfordshire"));
  assert.equal(changeOf(loadContent(work, content, cache)).organisations, ["oxfordshire", "wessex-police"]);
  unlinkSync(at("content/events/oxfordshire/2017-restructure.md"));
  const framework = "content/frameworks/ofsted-ilacs-2018.yaml";
  writeFileSync(at(framework), readFileSync(at(framework), "utf8").replace(/^name: (.*)$/m, "name: $1 (edited)"));
  assert.equal(changeOf(loadContent(work, content, cache)), {
    at: 6,
    since: 5,
    ...nothing,
    reread: [framework],
    gone: ["content/events/oxfordshire/2017-restructure.md"],
    organisations: ["oxfordshire"],
    definitions: true,
  });
  writeFileSync(join(work, "site.yaml"), "title: A site\n");
  assert.equal(changeOf(loadContent(work, content, cache)), { at: 7, since: 6, ...nothing, settings: true });
  assert.equal(changeOf(loadContent(work, content)), { at: 0, since: undefined, ...nothing }, "without a cache: everything");
});

test("a load with no content folder counts nothing, and the next reads every file again", () => {
  const cache = readCache();
  loadContent(work, content, cache);
  renameSync(content, `${content}-away`);
  assert.equal(changeOf(loadContent(work, content, cache)).since, undefined);
  renameSync(`${content}-away`, content);
  const back = loadContent(work, content, cache);
  assert.equal(back.change.since, 2);
  const files = readdirSync(content, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  assert.is(back.change.reread.size, files.length, "every file read again");
});

test("paths in problems: the same as projectPath wherever the content folder is", () => {
  const cases: [root: string, base: string, path: string][] = [
    ["/project", "/project/content", "/project/content/inspections/a/b.md"],
    ["/project", "/elsewhere/content", "/elsewhere/content/inspections/a/b.md"],
    ["/project/sub", "/project/content", "/project/content/x.md"],
    ["/project/content/inside", "/project/content", "/project/content/inside/x.md"],
    ["/project/content/inside", "/project/content", "/project/content/other/x.md"],
    ["/project/content", "/project/content", "/project/content/x.md"],
    ["/", "/content", "/content/a/b.md"],
    ["/project", "/", "/a/b.md"],
    ["relative/root", "/abs/content", "/abs/content/a.md"],
  ];
  for (const [root, base, path] of cases) assert.is(projectPathsUnder(root, base)(path), projectPath(root, path), `${root} ${base} ${path}`);
});

test.run();
