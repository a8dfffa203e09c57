/**
 * The output folder: a build replaces only a folder it built (the marker it writes,
 * `.explainers-build`), or one that looks exactly like a build from before the marker;
 * never a folder of other files (it deleted a CNAME, notes and .git/ with exit 0). An
 * --output that is a symbolic link has its target updated, and stays a link. A full disk
 * is a sentence, and the previous site stays. docs/publishing.md, "The output folder".
 */
import { spawnSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { BUILD_MARKER, MARKER_TEXT, notWrittenByABuild } from "../../src/cli/output-folder.ts";
import { runBuild } from "../fixtures/build-site.ts";

const test = suite("npm run build: the output folder");
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-output-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
const quick = ["--no-search", "--no-images"];

/** Every file under a folder (names starting with '.' too), with its text. */
function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      files[join(entry.parentPath, entry.name).slice(folder.length + 1)] = readFileSync(
        join(entry.parentPath, entry.name),
        "utf8",
      );
  return files;
}

function write(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, ".."), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

test("a folder holding a site and a CNAME, notes and .git/ is refused, exit 2, and nothing in it deleted", () => {
  const output = join(work, "published");
  write(output, {
    "index.html": "<!doctype html>old",
    CNAME: "explainers.example.org\n",
    "notes.txt": "to do\n",
    ".git/HEAD": "ref: refs/heads/main\n",
  });
  const before = filesUnder(output);
  const result = runBuild(["--output", output, ...quick]);
  assert.is(result.status, 2, result.stderr);
  assert.match(
    result.stderr,
    "holds files a build did not write (.git/, CNAME, notes.txt), so building would delete them; nothing was deleted.",
  );
  assert.match(result.stderr, `an empty file named ${BUILD_MARKER}`);
  assert.not.match(result.stderr, STACK_TRACE);
  assert.equal(filesUnder(output), before);
});

test("a site built before the marker (only what a build writes) is adopted: replaced, and marked", () => {
  const output = join(work, "earlier");
  write(output, {
    "index.html": "<!doctype html>old",
    "organisations/gone/index.html": "<!doctype html>an organisation since removed",
    "assets/site.css": "body{}",
    "pagefind/pagefind.js": "",
    "sitemap-2.xml": "<urlset/>",
  });
  const result = runBuild(["--output", output, ...quick]);
  assert.is(result.status, 0, result.stderr);
  assert.is(readFileSync(join(output, BUILD_MARKER), "utf8"), MARKER_TEXT);
  assert.not.ok(readdirSync(join(output, "organisations")).includes("gone"), "the old build's pages are replaced");
  assert.ok(statSync(join(output, "organisations/oxfordshire/index.html")).isFile());
});

test("a folder with the marker is the build's own: replaced whole", () => {
  const output = join(work, "earlier");
  writeFileSync(join(output, "CNAME"), "added after the build\n");
  const result = runBuild(["--output", output, ...quick]);
  assert.is(result.status, 0, result.stderr);
  assert.not.ok(
    readdirSync(output).includes("CNAME"),
    "what the marker says: the next build deletes what it did not write",
  );
});

test("an --output that is a symbolic link: its target is updated, and it stays a link", () => {
  const target = join(work, "www/explainers");
  write(target, { "index.html": "<!doctype html>old" });
  const link = join(work, "site-link");
  symlinkSync(target, link);
  const result = runBuild(["--output", link, ...quick]);
  assert.is(result.status, 0, result.stderr);
  assert.ok(lstatSync(link).isSymbolicLink(), "the link is still a link");
  assert.ok(statSync(join(target, "organisations/oxfordshire/index.html")).isFile(), "the target holds the new site");
  assert.ok(readdirSync(target).includes(BUILD_MARKER));
  assert.equal(readdirSync(join(work, "www")), ["explainers"], "no working folder left beside the target");
});

test("what is not a build's is found, and only the first few named", () => {
  const folder = join(work, "many");
  write(folder, Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`note-${index}.md`, ""])));
  assert.is(notWrittenByABuild(folder).length, 5);
  write(join(work, "deep"), {
    "index.html": "",
    "organisations/a/index.html": "",
    "organisations/a/.htaccess": "",
    "assets/logo.psd": "",
  });
  assert.equal(notWrittenByABuild(join(work, "deep")).sort(), ["assets/logo.psd", "organisations/a/.htaccess"]);
});

/** A file system of `size` mounted at a new folder, as root can; undefined when it cannot be. */
function smallDisk(size: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const folder = mkdtempSync(join(tmpdir(), "explainers-full-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", folder]);
  if (mounted.status === 0) return folder;
  rmSync(folder, { recursive: true, force: true });
  return undefined;
}

test("a full disk: one sentence, exit 1, the previous site as it was and no working folder left", () => {
  const disk = smallDisk("600k");
  if (!disk) {
    console.log("output folder: the full-disk case skipped, as it needs root to mount a small file system");
    return;
  }
  try {
    const output = join(disk, "site");
    write(output, { "index.html": "<!doctype html>the site as published", [BUILD_MARKER]: MARKER_TEXT });
    const before = filesUnder(output);
    const result = runBuild(["--output", output, "--no-images"]);
    assert.is(result.status, 1, result.stderr);
    assert.match(result.stderr, "The site could not be written: the disk is full (ENOSPC");
    assert.match(result.stderr, "The build failed; site/ is as it was.");
    assert.not.match(result.stderr, STACK_TRACE);
    assert.equal(filesUnder(output), before);
    assert.equal(readdirSync(disk), ["site"]);
  } finally {
    spawnSync("umount", [disk]);
    rmSync(disk, { recursive: true, force: true });
  }
});

test.run();
