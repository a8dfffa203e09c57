/**
 * What the pages of a built site weigh, by kind (docs/performance.md, "Page weight"):
 * explainers (organisations/<organisation>/<inspection>/index.html), organisation pages
 * (organisations/<organisation>/index.html) and organisation feeds
 * (organisations/<organisation>/feed.xml): how many, the total, the mean, the median and
 * the largest of each.
 *
 *   npx tsx bench/page-weight.ts <built site folder> [--json]
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface KindWeight {
  files: number;
  bytes: number;
  mean: number;
  median: number;
  largest: { path: string; bytes: number } | null;
}

export interface PageWeight {
  explainers: KindWeight;
  organisations: KindWeight;
  feeds: KindWeight;
}

function weigh(sizes: Array<{ path: string; bytes: number }>): KindWeight {
  const sorted = sizes.map((entry) => entry.bytes).sort((a, b) => a - b);
  const bytes = sorted.reduce((sum, size) => sum + size, 0);
  let largest: KindWeight["largest"] = null;
  for (const entry of sizes) if (!largest || entry.bytes > largest.bytes) largest = entry;
  const middle = sorted.length >> 1;
  const median =
    sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { files: sorted.length, bytes, mean: sorted.length ? bytes / sorted.length : 0, median, largest };
}

/** The explainers, organisation pages and feeds under `site`/organisations/, weighed. */
export function pageWeight(site: string): PageWeight {
  const explainers: Array<{ path: string; bytes: number }> = [];
  const organisations: Array<{ path: string; bytes: number }> = [];
  const feeds: Array<{ path: string; bytes: number }> = [];
  const root = join(site, "organisations");
  for (const organisation of readdirSync(root, { withFileTypes: true })) {
    if (!organisation.isDirectory()) continue;
    const folder = join(root, organisation.name);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join("organisations", organisation.name, entry.name);
      if (entry.isFile() && entry.name === "index.html")
        organisations.push({ path, bytes: statSync(join(folder, entry.name)).size });
      else if (entry.isFile() && entry.name === "feed.xml")
        feeds.push({ path, bytes: statSync(join(folder, entry.name)).size });
      else if (entry.isDirectory()) {
        const page = join(folder, entry.name, "index.html");
        try {
          explainers.push({ path: join(path, "index.html"), bytes: statSync(page).size });
        } catch {
          // A folder without a page (none is written today): nothing to weigh.
        }
      }
    }
  }
  return { explainers: weigh(explainers), organisations: weigh(organisations), feeds: weigh(feeds) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2];
  if (!site || site === "--help") {
    console.log("Usage: npx tsx bench/page-weight.ts <built site folder> [--json]");
    process.exit(site ? 0 : 2);
  }
  const weight = pageWeight(site);
  if (process.argv.includes("--json")) console.log(JSON.stringify(weight, null, 2));
  else
    for (const [kind, entry] of Object.entries(weight))
      console.log(
        `${kind}: ${entry.files.toLocaleString("en-GB")} files, ${mb(entry.bytes)} (${entry.bytes.toLocaleString("en-GB")} bytes); mean ${kb(entry.mean)}, median ${kb(entry.median)}, largest ${entry.largest ? `${kb(entry.largest.bytes)} (${entry.largest.path})` : "none"}`,
      );
}
