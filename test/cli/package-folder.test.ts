/**
 * src/package-folder.ts: which folder Eleventy reads what from. In a fork the site's folder
 * is the package's; in a site repository the site's layouts/ is Eleventy's input (a pattern
 * when there is none, as an input folder must exist), the page shell is the package's, and
 * the site's layouts/assets/ is published beside the package's. The whole of it, built and
 * previewed from a packed tarball, is test/cli/package.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { eleventyDirectories, PACKAGE_FOLDER, siteFolders } from "../../src/package-folder.ts";
import { projectRoot } from "../fixtures/build-site.ts";

const test = suite("the site's folder and the package's");
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-folders-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

test("in a fork the two are one: the input is layouts/, the page shell its _includes/, one assets folder", () => {
  assert.is(join(PACKAGE_FOLDER), join(projectRoot));
  const folders = siteFolders(projectRoot);
  assert.ok(folders.packagePages);
  assert.is(folders.siteAssets, undefined, "the package's assets are the site's: copied once");
  assert.equal(eleventyDirectories(folders, projectRoot), {
    input: "layouts",
    includes: "_includes",
    layouts: "_includes",
  });
});

test("a site with pages of its own: its layouts/ is the input, the page shell the package's, its assets beside the package's", () => {
  const site = join(work, "with-pages");
  mkdirSync(join(site, "layouts/assets"), { recursive: true });
  const folders = siteFolders(site);
  assert.not.ok(folders.packagePages);
  assert.is(folders.pages, join(site, "layouts"));
  assert.is(folders.siteAssets, join(site, "layouts/assets"));
  assert.is(folders.packageAssets, join(projectRoot, "layouts/assets"));
  const dirs = eleventyDirectories(folders, site);
  assert.is(dirs.input, "layouts");
  assert.is(dirs.includes, "_includes", "the site's own partials");
  assert.is(join(site, "layouts", dirs.layouts), join(projectRoot, "layouts/_includes"), "the package's page shell");
});

test("a site with no layouts/ is given a pattern that finds nothing, and has no assets of its own", () => {
  const site = join(work, "bare");
  mkdirSync(site);
  const folders = siteFolders(site);
  assert.not.ok(folders.packagePages);
  assert.is(folders.siteAssets, undefined);
  assert.is(eleventyDirectories(folders, site).input, "layouts/**");
});

test("a site whose layouts/ is a link to the package's is the package's, copied once", () => {
  const site = join(work, "linked");
  mkdirSync(site);
  symlinkSync(join(projectRoot, "layouts"), join(site, "layouts"));
  const folders = siteFolders(site);
  assert.ok(folders.packagePages);
  assert.is(folders.siteAssets, undefined);
});

test.run();
