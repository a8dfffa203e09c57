/**
 * src/eleventy/page-memory-plugin.ts lets go of each finished page once Eleventy has
 * written it. That must change nothing on disk, in a quiet build or a verbose one (where
 * Eleventy writes a little later), and it must actually let go.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../bench/corpus.ts";
import { withSite } from "../../src/eleventy/current-site.ts";
import pageMemoryPlugin, { CHECKED_ELEVENTY } from "../../src/eleventy/page-memory-plugin.ts";
import type { BuildDetails, EleventyConfig } from "../../src/eleventy/types.ts";
import { readSite } from "../../src/site.ts";
import { BUILD_MARKER } from "../../src/cli/output-folder.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("build: pages let go once written");
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
let work = "";

test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-page-memory-"));
  generateCorpus(join(work, "content"), 150, { projectRoot });
});
test.after(() => rmSync(work, { recursive: true, force: true }));

function build(output: string, options: { keepPages: boolean; quiet: boolean }): void {
  const args = [
    tsx,
    "src/cli/build.ts",
    "--content",
    join(work, "content"),
    "--output",
    output,
    "--no-search",
    ...(options.quiet ? ["--quiet"] : []),
  ];
  const env = { ...process.env, EXPLAINERS_KEEP_PAGES: options.keepPages ? "1" : "0" };
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, encoding: "utf8", env });
  assert.is(result.status, 0, result.stderr);
}

function files(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      found.set(
        join(entry.parentPath, entry.name).slice(folder.length),
        readFileSync(join(entry.parentPath, entry.name)),
      );
  }
  return found;
}

test("the same bytes on disk with pages let go (quiet and verbose) as with every page kept", () => {
  build(join(work, "kept"), { keepPages: true, quiet: true });
  build(join(work, "quiet"), { keepPages: false, quiet: true });
  build(join(work, "verbose"), { keepPages: false, quiet: false });
  const kept = files(join(work, "kept"));
  assert.ok(kept.size > 250, `${kept.size} files`);
  for (const other of ["quiet", "verbose"]) {
    const built = files(join(work, other));
    assert.equal([...built.keys()].sort(), [...kept.keys()].sort(), `${other}: the same files`);
    for (const [path, bytes] of kept) {
      assert.ok(bytes.length > 0, `${path} is empty`);
      assert.ok(built.get(path)!.equals(bytes), `${other}: ${path} differs`);
    }
  }
});

test("Eleventy is left holding empty pages, building into an empty folder or over an old site", async () => {
  const content = join(work, "content");
  const site = readSite(projectRoot, content);
  assert.equal(site.problems, [], "the corpus checks");
  let held: number[] = [];
  const output = join(work, "in-process");
  for (const round of ["into an empty folder", "over the site built before"]) {
    const eleventy = new Eleventy(projectRoot, output, {
      configPath: join(projectRoot, ".eleventy.ts"),
      quietMode: true,
      config(config: EleventyConfig) {
        withSite(site)(config);
        config.on("eleventy.after", ({ results }: BuildDetails) => {
          held = (results ?? [])
            .filter((page) => typeof page.outputPath === "string" && page.outputPath.endsWith(".html"))
            .map((page) => page.content.length);
        });
      },
    });
    await eleventy.write();
    assert.ok(held.length > 20, `${round}: ${held.length} HTML pages`);
    const stillHeld = held.filter((length) => length > 0).length;
    // The last page of each template may still be held when this listener runs.
    assert.ok(stillHeld < held.length / 10, `${round}: ${stillHeld} of ${held.length} pages still held`);
    const kept = files(join(work, "kept"));
    kept.delete(`/${BUILD_MARKER}`); // the command's marker that it built the folder, not Eleventy's
    const built = files(output);
    assert.equal(
      [...built.keys()].sort(),
      [...kept.keys()].sort(),
      `${round}: the same files as the command-line build`,
    );
    for (const [path, bytes] of built) assert.ok(kept.get(path)!.equals(bytes), `${round}: ${path} differs`);
  }
});

test("on another Eleventy version the plugin refuses to start, saying what to check", () => {
  const config = {
    versionCheck(range: string) {
      throw new Error(`We found Eleventy version '4.0.0' which does not meet the required version range: '${range}'.`);
    },
  } as unknown as EleventyConfig;
  assert.throws(
    () => pageMemoryPlugin(config),
    (error: Error) => /page-memory\.test\.ts/.test(error.message) && /'3\.1\.7'/.test(error.message),
  );
  assert.is(CHECKED_ELEVENTY, "3.1.7");
});

test.run();
