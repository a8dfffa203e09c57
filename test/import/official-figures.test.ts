/**
 * Ofsted's official statistics as at 31 March 2024, reproduced by the site from the real
 * ILACS history imported with its report PDFs (../shared/data): of the 65 councils with two
 * or more ILACS inspections, 26 improved their overall effectiveness, 15 stayed good or
 * outstanding, 12 declined and 12 stayed requires improvement or inadequate; about 60% of
 * councils good or outstanding. The rule is docs/domain.md's "Repeat inspections"; the
 * reports correct the CSV where it is wrong (a SIF inspection made in 2018, visit dates,
 * an overall grade the scraper missed).
 *
 * Skipped, saying so, when ../shared is not beside the project.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runBuild } from "../fixtures/build-site.ts";
import { projectRoot } from "../fixtures/content.ts";
import { temporaryFolder } from "../fixtures/import/support.ts";
import { sharedFile } from "../fixtures/shared.ts";

const need = "Ofsted's official figures as at 31 March 2024, from the real ILACS history and its reports";
const history = sharedFile("ofsted-ilacs-history.csv", need);
const reports = history && sharedFile("ofsted-reports", need);
const official = suite("Ofsted's official figures as at 31 March 2024 (../shared/data)");
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

interface Picture {
  lineages: {
    inspectorate_id: string;
    areas: { area_id: string; graded: number; good_or_better: number | null }[];
    repeat_inspections: Record<string, Record<string, number>> | null;
  }[];
}

if (!history || !reports) {
  official.skip("the official figures are reproduced (../shared is not here)", () => {});
} else {
  const folder = temporaryFolder("official-figures");
  const content = join(folder, "content");
  const site = join(folder, "site");
  let picture: Picture;
  let page = "";

  official.before(() => {
    const imported = spawnSync(
      process.execPath,
      [
        tsx,
        "src/cli/import.ts",
        history,
        "--mapping",
        "mappings/ofsted-ilacs-history.yaml",
        "--content",
        content,
        "--reports",
        reports,
      ],
      { cwd: projectRoot, encoding: "utf8" },
    );
    if (imported.status !== 0) throw new Error(`import: ${imported.stderr}`);
    const build = runBuild(["--content", content, "--output", site, "--no-search", "--no-images"]);
    if (build.status !== 0) throw new Error(build.stderr);
    picture = JSON.parse(readFileSync(join(site, "data/national/2024-03-31.json"), "utf8")) as Picture;
    page = readFileSync(join(site, "national/2024-03-31/index.html"), "utf8");
  });
  official.after(() => rmSync(folder, { recursive: true, force: true }));

  official(
    "repeat inspections of overall effectiveness: 65 councils, 26 improved, 15 stayed good or better, 12 declined, 12 stayed below",
    () => {
      const ofsted = picture.lineages.find((lineage) => lineage.inspectorate_id === "ofsted")!;
      assert.equal(ofsted.repeat_inspections!["overall-effectiveness"], {
        organisations: 65,
        improved: 26,
        stayed_good_or_better: 15,
        declined: 12,
        stayed_below_good: 12,
        not_compared: 0,
      });
      assert.match(
        page,
        "65 organisations inspected twice or more under ILACS 2018, ILACS 2023 and ILACS 2026 by this date",
      );
    },
  );

  official("about 60% of councils good or outstanding, of those graded", () => {
    const ofsted = picture.lineages.find((lineage) => lineage.inspectorate_id === "ofsted")!;
    const overall = ofsted.areas.find((area) => area.area_id === "overall-effectiveness")!;
    const share = Math.round((overall.good_or_better! / overall.graded) * 100);
    assert.ok(share === 60 || share === 61, `${overall.good_or_better} of ${overall.graded}: ${share}%`);
  });
}

official.run();
