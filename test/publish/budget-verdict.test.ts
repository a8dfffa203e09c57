/**
 * What the build does with its budget (src/cli/build-budget.ts): a site over its host's
 * limits is refused with every figure over and what to change. (The build leaves the
 * previous site in place on any refusal after staging: test/publish/output.test.ts.)
 */
import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { budgetVerdict, refusalText, verdictText } from "../../src/cli/build-budget.ts";
import { readSiteSettings } from "../../src/content/site-settings.ts";

const test = suite("publishing: the build's verdict on its budget");
let site = "";
test.before(() => {
  site = mkdtempSync(join(tmpdir(), "explainers-verdict-"));
  mkdirSync(join(site, "data"));
  writeFileSync(join(site, "index.html"), "<!doctype html>");
  // A sparse file: 30 MiB by its size, no disk used.
  const fd = openSync(join(site, "data", "judgements.json"), "w");
  ftruncateSync(fd, 30 * 1024 * 1024);
  closeSync(fd);
});
test.after(() => rmSync(site, { recursive: true, force: true }));

test("a file over Cloudflare's 25 MiB is refused, named, with its size", () => {
  const verdict = budgetVerdict(site, "cloudflare-pages");
  assert.equal(
    verdict.over.map((over) => over.limit),
    ["fileBytes"],
  );
  assert.match(refusalText(verdict), /^The site does not fit the limits of Cloudflare Pages \(free\)/);
  assert.match(
    refusalText(verdict),
    /- data\/judgements\.json is 31\.5 MB; Cloudflare Pages \(free\) takes files of at most 26\.2 MB\./,
  );
});

test("the same site fits Netlify and S3, and with no host nothing is checked", () => {
  assert.equal(budgetVerdict(site, "netlify").over, []);
  assert.match(verdictText(budgetVerdict(site, "netlify")), /fits the limits of Netlify\./);
  assert.match(verdictText(budgetVerdict(site, "s3")), /CloudFront serves files over 10,000,000 bytes uncompressed\./);
  const none = budgetVerdict(site, undefined);
  assert.is(none.host, undefined);
  assert.equal(none.over, []);
  assert.not.match(verdictText(none), /fits/);
});

test("site.yaml names the host; a host it does not know is a problem with the choices", () => {
  const root = mkdtempSync(join(tmpdir(), "explainers-host-"));
  try {
    const settings = (host: string) => {
      writeFileSync(
        join(root, "site.yaml"),
        `title: T\ndescription: D\nurl: https://example.org\npublisher: P\nlicence: L\nhost: ${host}\n`,
      );
      return readSiteSettings(root, "site.yaml", {});
    };
    assert.is(settings("netlify").settings?.host, "netlify");
    const wrong = settings("geocities");
    assert.is(wrong.settings, undefined);
    assert.is(wrong.problems[0]?.field, "host");
    assert.match(
      wrong.problems[0]!.message,
      /should be one of 'github-pages', 'cloudflare-pages', 'cloudflare-pages-paid', 'netlify', 'gitlab-pages', 's3'/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
