/**
 * Nothing is written outside the content folder, through a symbolic link or otherwise:
 * an import leaves alone every file below a linked folder, refuses to copy definitions or
 * write its manifest through a link, and `npm run new` refuses a path through one. Each
 * case puts a folder outside the content folder where a link leads, and checks it stays empty.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { AlreadyExists, OutsideContentFolder, writeInside } from "../../src/content/write-inside.ts";
import { ImportSetupError } from "../../src/authoring/import/index.ts";
import { MANIFEST_NAME } from "../../src/authoring/import/manifest.ts";
import { runTool, sampleCopy } from "../editing/support.ts";
import { importInto, pathsWith, temporaryFolder } from "../fixtures/import/support.ts";

const made: string[] = [];

const links = suite("nothing is written outside the content folder");

/** A project folder holding an empty content folder and, beside it, the folder links lead to. */
function project(prefix: string): { work: string; content: string; outside: string } {
  const work = temporaryFolder(prefix);
  made.push(work);
  const content = join(work, "content");
  const outside = join(work, "outside");
  mkdirSync(content);
  mkdirSync(outside);
  return { work, content, outside };
}

links("an import leaves alone every file below an organisation's folder that is a link elsewhere", () => {
  const { content, outside } = project("links-import");
  const organisation = "ashby-on-wold";
  mkdirSync(join(content, "inspections"));
  symlinkSync(outside, join(content, "inspections", organisation));
  const report = importInto(content);
  const alone = report.files.filter((file) => file.path.startsWith(`inspections/${organisation}/`));
  assert.ok(alone.length > 0, "the organisation's inspections are planned");
  for (const file of alone) {
    assert.is(file.status, "left-alone", file.path);
    assert.match(
      file.reason ?? "",
      `inspections/${organisation} is a symbolic link, which an import never writes through`,
    );
  }
  assert.ok(pathsWith(report, "created").length > 0, "the other organisations' files are written");
  assert.equal(readdirSync(outside), [], "nothing was written where the link leads");
});

links("an import refuses, before writing anything, to copy definitions through a linked folder", () => {
  const { content, outside } = project("links-definitions");
  symlinkSync(outside, join(content, "frameworks"));
  try {
    importInto(content);
    assert.unreachable("the import should refuse");
  } catch (error) {
    assert.instance(error, ImportSetupError);
    assert.match(
      (error as Error).message,
      "content/frameworks is a symbolic link, which an import never writes through",
    );
  }
  assert.equal(readdirSync(outside), []);
  assert.equal(readdirSync(content), ["frameworks"]);
});

links("an import refuses to write its manifest through a link", () => {
  const { content, outside } = project("links-manifest");
  importInto(content);
  rmSync(join(content, MANIFEST_NAME));
  symlinkSync(join(outside, "manifest.json"), join(content, MANIFEST_NAME));
  assert.throws(
    () => importInto(content),
    (error: Error) => error instanceof ImportSetupError && /is a symbolic link/.test(error.message),
  );
  assert.not.ok(existsSync(join(outside, "manifest.json")));
});

/** `write` throws an error of `kind`. */
function refused(write: () => void, kind: abstract new (...args: never[]) => Error): void {
  assert.throws(write, (error: Error) => error instanceof kind);
}

links("the writer refuses '..', absolute paths, links on the way and a file already there", () => {
  const { content, outside } = project("links-writer");
  symlinkSync(outside, join(content, "events"));
  refused(() => writeInside(content, "../escaped.md", "x", "create"), OutsideContentFolder);
  refused(() => writeInside(content, join(outside, "x.md"), "x", "create"), OutsideContentFolder);
  refused(() => writeInside(content, "events/x/y.md", "x", "create"), OutsideContentFolder);
  symlinkSync(join(outside, "target.md"), join(content, "linked.md"));
  refused(() => writeInside(content, "linked.md", "x", "replace"), OutsideContentFolder);
  refused(() => writeInside(content, "linked.md", "x", "create"), OutsideContentFolder);
  writeInside(content, "organisations/new.md", "first", "create");
  refused(() => writeInside(content, "organisations/new.md", "second", "create"), AlreadyExists);
  writeInside(content, "organisations/new.md", "second", "replace");
  assert.equal(readdirSync(outside), []);
});

links("npm run new refuses to write through an organisation's folder that is a link", () => {
  const { folder, content } = sampleCopy("links-new");
  const outside = join(folder, "outside");
  mkdirSync(outside);
  const events = join(content, "events/oxfordshire");
  rmSync(events, { recursive: true });
  symlinkSync(outside, events);
  const result = runTool("new", [
    "event",
    "--organisation",
    "oxfordshire",
    "--title",
    "A new director",
    "--date",
    "2025-01",
    "--content",
    content,
  ]);
  assert.is(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stderr, "a symbolic link");
  assert.match(result.stderr, "Nothing was written.");
  assert.equal(readdirSync(outside), []);
  rmSync(folder, { recursive: true, force: true });
});

links.after(() => {
  for (const work of made) rmSync(work, { recursive: true, force: true });
});

links.run();
