/**
 * The Site's record of what changed (`SiteChange`, src/site.ts) says everything when the
 * inspections shared change for the whole site: a site whose site.yaml leaves `sharing`
 * out shares every inspection up to LARGE_SITE inspections and fewer past it
 * (src/model/sharing.ts), so one file deleted or added across that line changes which
 * inspections have share files, embed pages and downloads on every organisation's pages.
 * The preview must then write everything, though the edit touched one organisation.
 */
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateCorpus } from "../../bench/corpus.ts";
import { LARGE_SITE, LARGE_SITE_SHARING } from "../../src/model/sharing.ts";
import { readSite, siteMemory } from "../../src/site.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("npm start: the sharing in force changed is a change of everything");
let work = "";

test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-preview-sharing-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

/** The oldest inspection file of the nth organisation with more than one. */
function oldestInspection(content: string, nth: number): string {
  const folders = readdirSync(join(content, "inspections"))
    .sort()
    .map((organisation) => join(content, "inspections", organisation))
    .filter((folder) => readdirSync(folder).length > 1);
  const folder = folders[nth]!;
  return join(folder, readdirSync(folder).sort()[0]!);
}

test("one inspection fewer, across LARGE_SITE: everything; one more fewer: only its organisation", () => {
  const content = join(work, "content");
  generateCorpus(content, LARGE_SITE + 1, { projectRoot, seed: 3 });
  const memory = siteMemory();
  const first = readSite(projectRoot, content, {}, memory);
  assert.equal(first.problems, []);
  assert.is(first.model.inspections.length, LARGE_SITE + 1);
  assert.equal(first.sharing.setting, LARGE_SITE_SHARING);
  unlinkSync(oldestInspection(content, 0));
  const crossed = readSite(projectRoot, content, {}, memory);
  assert.is(crossed.sharing.setting, "all");
  assert.is(crossed.national.asAt, first.national.asAt, "the date the site is as at is the same");
  assert.equal(
    [crossed.change.everything, crossed.change.definitions, crossed.change.organisations.size],
    [true, false, 1],
  );
  unlinkSync(oldestInspection(content, 1));
  const again = readSite(projectRoot, content, {}, memory);
  assert.equal([again.change.everything, again.change.organisations.size], [false, 1]);
});

test.run();
