/**
 * Which inspections have a share image, an embed page and downloads of their own
 * (src/model/sharing.ts, site.yaml's `sharing`): each organisation's latest and the last N
 * years, all, or none; every inspection keeps its explainer and every organisation its
 * page; and no page names a share image, an embed page or a download the build did not
 * write (a built site walked, every such reference resolved).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { LARGE_SITE, LARGE_SITE_SHARING, sharedInspections, sharingSetting } from "../../src/model/sharing.ts";
import { nationalPicture } from "../../src/model/national.ts";
import { readSiteSettings, withOverrides } from "../../src/content/site-settings.ts";
import { filesUnder } from "../browser/support.ts";
import { runBuild } from "../fixtures/build-site.ts";
import { modelOf, projectRoot, sampleContent } from "../fixtures/content.ts";

const test = suite("publishing: which inspections are shared");
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-sharing-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

const model = modelOf(sampleContent());
const asAt = nationalPicture(model.organisations, model.frameworks, model.crosswalks).asAt;
const sharedIds = (setting: Parameters<typeof sharedInspections>[0]) => {
  const shared = sharedInspections(setting, model.organisations, asAt);
  return model.inspections.filter(shared).map((inspection) => inspection.id);
};

test("the setting left out: all on a small site, the latest and the last two years on a large one", () => {
  assert.is(sharingSetting(undefined, LARGE_SITE), "all");
  assert.equal(sharingSetting(undefined, LARGE_SITE + 1), LARGE_SITE_SHARING);
  assert.equal(sharingSetting({ recentYears: 5 }, 40_000), { recentYears: 5 });
  assert.is(sharingSetting("all", 40_000), "all");
});

test("recentYears: each organisation's latest, and what was published in the years up to the site's latest report", () => {
  assert.is(asAt, "2024-04-09");
  const latest = ["oxfordshire/2024-standard-inspection", "wessex-police/2022-peel-inspection"];
  assert.equal(
    sharedIds({ recentYears: 0 }),
    model.inspections.map((inspection) => inspection.id).filter((id) => latest.includes(id)),
  );
  // Six years back from 9 April 2024 is 9 April 2018: only 2014 is older.
  assert.equal(
    sharedIds({ recentYears: 6 }),
    model.inspections.map((inspection) => inspection.id).filter((id) => id !== "oxfordshire/2014-single-inspection"),
  );
  assert.equal(
    sharedIds("all"),
    model.inspections.map((inspection) => inspection.id),
  );
  assert.equal(sharedIds("none"), []);
});

test("site.yaml's sharing is checked, and EXPLAINERS_SHARING overrides it for one build", () => {
  const settings = readSiteSettings(projectRoot).settings!;
  assert.equal(withOverrides(settings, { EXPLAINERS_SHARING: "3" }).sharing, { recentYears: 3 });
  assert.is(withOverrides(settings, { EXPLAINERS_SHARING: "none" }).sharing, "none");
  assert.throws(
    () => withOverrides(settings, { EXPLAINERS_SHARING: "some" }),
    /EXPLAINERS_SHARING overrides 'sharing' in site.yaml and must be all, none, or a number of recent years/,
  );
});

/** Every address a page names for sharing: Open Graph and Twitter images, links, frames and pictures, in the markup and in the code shown to copy. */
function sharingReferences(markup: string): string[] {
  const found = [...markup.matchAll(/(?:href|src|content)=(?:"|&quot;)([^"&]+)(?:"|&quot;)/g)].map(
    (match) => match[1]!,
  );
  return found
    .map((address) => address.replace(/^https:\/\/example\.org/, ""))
    .filter((address) => address.startsWith("/") && /\/embed\/|share\.png$|\/comparison\.(svg|png|csv)$/.test(address));
}

test("built with only the latest shared: every explainer and organisation page, and no reference to a file not written", () => {
  const site = join(work, "latest");
  const result = runBuild(["--output", site, "--no-search"], {
    EXPLAINERS_SHARING: "0",
    EXPLAINERS_IMAGE_CACHE: join(work, "cache"),
  });
  assert.is(result.status, 0, result.stderr);
  for (const inspection of model.inspections)
    assert.ok(
      existsSync(join(site, "organisations", inspection.id, "index.html")),
      `the explainer of ${inspection.id}`,
    );
  for (const organisation of model.organisations)
    assert.ok(existsSync(join(site, "organisations", organisation.id, "index.html")), `the page of ${organisation.id}`);
  assert.ok(existsSync(join(site, "embed/oxfordshire/2024-standard-inspection/index.html")));
  assert.ok(existsSync(join(site, "organisations/oxfordshire/2024-standard-inspection/share.png")));
  assert.not.ok(existsSync(join(site, "embed/oxfordshire/2018-short-inspection")));
  assert.not.ok(existsSync(join(site, "organisations/oxfordshire/2018-short-inspection/share.png")));
  assert.not.ok(existsSync(join(site, "organisations/oxfordshire/2018-short-inspection/comparison.svg")));

  let references = 0;
  const missing: string[] = [];
  for (const page of filesUnder(site).filter((path) => path.endsWith(".html"))) {
    for (const address of sharingReferences(readFileSync(join(site, page), "utf8"))) {
      references++;
      const file = join(site, address.endsWith("/") ? `${address}index.html` : address);
      if (!existsSync(file)) missing.push(`${page} names ${address}`);
    }
  }
  assert.equal(missing, []);
  assert.ok(references > 10, `only ${references} references were found: the walk would not see a missing file`);

  const older = readFileSync(join(site, "organisations/oxfordshire/2018-short-inspection/index.html"), "utf8");
  assert.match(older, /<meta property="og:image" content="https:\/\/example\.org\/assets\/share\.png">/);
  assert.not.match(older, /Embed this on your site|comparison\.(svg|png|csv)/);
  const latest = readFileSync(join(site, "organisations/oxfordshire/2024-standard-inspection/index.html"), "utf8");
  assert.match(
    latest,
    /og:image" content="https:\/\/example\.org\/organisations\/oxfordshire\/2024-standard-inspection\/share\.png"/,
  );
  assert.match(latest, /Embed this on your site/);
});

test.run();
