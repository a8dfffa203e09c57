/**
 * Writes what pages share beyond themselves, after each build: every inspection's share
 * image, the comparison chart as SVG and PNG and its data as CSV, the site's image, the
 * icon's PNGs and the web manifest (src/render/sharing-files.ts says what; src/images/
 * draws the pictures). Pictures come from the image cache when they were drawn before, so
 * a build of unchanged content draws none; the build says how many it drew.
 *
 * Gives templates `images` (false under `npm run build -- --no-images`), so pages name
 * no picture that was not made.
 *
 * In the preview (`npm start`), a build after an edit writes only the files of the
 * inspections of the organisations it touched (the Site's `change`), and deletes those of
 * inspections gone; everything, when the edit reached every page.
 * https://www.11ty.dev/docs/events/#eleventy.after
 */
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { openImageCache } from "../images/image-cache.ts";
import { createDrawPool } from "../images/draw-pool.ts";
import { fontCoverage, svgText, svgWithout, undrawable, withoutCharacters } from "../images/font-coverage.ts";
import { writeImages, type ImageTarget, type ImagesReport } from "../images/write-images.ts";
import { paletteFromCss } from "../render/palette.ts";
import { sharingImages, sharingTexts, type PlannedImage, type SharingInput } from "../render/sharing-files.ts";
import type { Inspection } from "../model/types.ts";
import { comparisonFileUrl, inspectionUrl, shareImageUrl } from "../render/urls.ts";
import { PACKAGE_FOLDER } from "../package-folder.ts";
import type { Site } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export interface SharingPluginOptions {
  /** The Site of the build that is running (src/preview/current-site.ts): its model and settings; fonts/ and layouts/assets/ are the package's (package-folder.ts). */
  site: () => Site;
  /** Draw the share images and chart PNGs (`--no-images` turns this off). */
  images: boolean;
  /** Where drawn pictures are kept between builds. */
  cacheFolder: string;
  /** False: write the texts and name the pictures, but draw none (`npm run build` with a host draws them after planning: `drawPictures`). */
  draw?: boolean;
}

/** Pictures not used by any build for this long leave the cache. */
const CACHE_DAYS = 30;

/** What the build says of its pictures: how many it drew, how many it found drawn, how long it took. */
export function imagesSummary(report: ImagesReport, cacheFolder: string, images: boolean): string {
  const total = report.drawn + report.cached;
  const time = `${report.seconds.toFixed(2)} s`;
  const skipped = images ? "" : " Share images and chart PNGs were skipped (--no-images).";
  if (report.drawn === 0)
    return `Drew no images: all ${total} were in the image cache (${cacheFolder}), ${time}.${skipped}`;
  const each = Math.round((report.seconds * 1000) / report.drawn);
  return `Drew ${report.drawn} image${report.drawn === 1 ? "" : "s"} and took ${report.cached} from the image cache (${cacheFolder}) in ${time}, ${each} ms per image drawn.${skipped}`;
}

export function sharingInput(site: Site, images: boolean, inspections: readonly Inspection[]): SharingInput {
  const stylesheet = "layouts/assets/site.css";
  return {
    inspections,
    site: site.settings,
    palette: paletteFromCss(readFileSync(join(PACKAGE_FOLDER, stylesheet), "utf8"), stylesheet),
    iconSvg: readFileSync(join(PACKAGE_FOLDER, "layouts/assets/icon.svg"), "utf8"),
    images,
    shared: site.sharing.shared,
  };
}

/** Characters as a warning names them: `"ب" (U+0628)`, at most ten. */
const named = (characters: string[]) =>
  `${characters
    .slice(0, 10)
    .map((character) => `"${character}" (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`)
    .join(", ")}${characters.length > 10 ? ` and ${characters.length - 10} more` : ""}`;

/**
 * The pictures as they can be drawn without empty boxes: a share image whose words hold a
 * character the fonts in fonts/ cannot draw is the site's own image instead; the site's
 * image, and a chart's PNG, leave such characters out (the page's own chart, drawn by the
 * browser, keeps them). Each with a warning naming the file and the characters.
 */
export function* drawableImages(
  images: Iterable<PlannedImage>,
  covers: (codePoint: number) => boolean,
  warn: (message: string) => void,
): Generator<PlannedImage> {
  let siteImage: PlannedImage["job"] | undefined;
  for (const image of images) {
    const job = image.job;
    const missing = job.kind === "tree" ? undrawable([job.tree], covers) : undrawable([svgText(job.svg)], covers);
    if (missing.length === 0) {
      if (image.source === "site.yaml") siteImage = job;
      yield image;
      continue;
    }
    const instead = job.kind === "tree" && image.source !== "site.yaml" && siteImage !== undefined;
    warn(
      `Warning: ${image.source ?? image.what}: ${image.what.charAt(0).toLowerCase()}${image.what.slice(1)} would draw ${named(missing)} as empty boxes, as the fonts in fonts/ have no such characters. ${instead ? "It shows the site's own image instead." : "They are left out of it."}`,
    );
    const gone = new Set(missing);
    const drawable: PlannedImage["job"] = instead
      ? siteImage!
      : job.kind === "tree"
        ? { ...job, tree: withoutCharacters(job.tree, gone) }
        : { ...job, svg: svgWithout(job.svg, gone) };
    if (image.source === "site.yaml") siteImage = drawable;
    yield { ...image, job: drawable };
  }
}

/**
 * What the preview writes after an edit, from the Site's record of what changed: the
 * files of the organisations it names, and none of those of inspections gone; everything
 * when the record reaches every page or does not count from `last`, the read last written.
 */
function toWrite(site: Site, last: number | undefined) {
  const { change } = site;
  const all = last === undefined || change.everything || change.since !== last;
  return { all, organisations: change.organisations, removed: all ? [] : change.removed.inspections };
}

/** The share files of an inspection gone from the site. */
function removeFilesOf(inspection: Inspection, output: string): void {
  const urls = [
    shareImageUrl(inspection),
    ...(["csv", "svg", "png"] as const).map((kind) => comparisonFileUrl(inspection, kind)),
  ];
  for (const url of urls) rmSync(join(output, url), { force: true });
  try {
    // Its folder, if nothing else is left in it.
    rmdirSync(join(output, inspectionUrl(inspection)));
  } catch {
    // Not there, or not empty.
  }
}

/**
 * Puts the pictures of `inspections` (and the site's own: icons, share image) into `output`,
 * from the image cache or drawn, and says how many it drew.
 */
export async function drawPictures(
  site: Site,
  inspections: readonly Inspection[],
  output: string,
  cacheFolder: string,
  images: boolean,
): Promise<ImagesReport> {
  const input = sharingInput(site, images, inspections);
  // Workers start only if a picture is missing from the cache, and end with the step.
  const pool = createDrawPool(join(PACKAGE_FOLDER, "fonts"));
  const cache = openImageCache(cacheFolder, pool.identity);
  const covers = fontCoverage(join(PACKAGE_FOLDER, "fonts"));
  const targets = function* (): Generator<ImageTarget> {
    for (const image of drawableImages(sharingImages(input), covers, (message) => console.warn(message)))
      yield { file: join(output, image.url), job: image.job, what: image.what };
  };
  const report = await writeImages(targets(), pool, cache).finally(() => pool.close());
  cache.prune(CACHE_DAYS);
  // Printed even when the build is quiet, as Eleventy prints its own count of files.
  const shown = relative(site.root, cacheFolder);
  console.log(imagesSummary(report, shown.startsWith("..") ? cacheFolder : `${shown}/`, images));
  return report;
}

export default function sharingPlugin(eleventyConfig: EleventyConfig, options: SharingPluginOptions): void {
  if (typeof options?.site !== "function" || !options.cacheFolder)
    throw new Error("sharingPlugin needs the `site` (src/preview/current-site.ts) and `cacheFolder` options.");
  eleventyConfig.addGlobalData("images", options.images);
  // The read of the Site the preview last wrote (its change's `at`).
  let last: number | undefined;
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!directories)
      throw new Error("Eleventy did not say where it wrote the site; the share images cannot be written.");
    const site = options.site();
    const output = directories.output;
    const preview = runMode === "serve" || runMode === "watch";
    if (preview && site.problems.length > 0) return;
    const change = preview ? toWrite(site, last) : undefined;
    last = preview ? site.change.at : undefined;
    const inspections =
      change && !change.all
        ? site.model.inspections.filter((inspection) => change.organisations.has(inspection.organisation.id))
        : site.model.inspections;
    for (const inspection of change?.removed ?? []) removeFilesOf(inspection, output);
    const made = new Set<string>();
    for (const [url, text] of sharingTexts(sharingInput(site, options.images, inspections))) {
      const file = join(output, url);
      if (!made.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
      writeFileSync(file, text);
    }
    // `npm run build` with a host draws them itself, once it has planned what fits (src/publishing/fit.ts).
    if (options.draw !== false) await drawPictures(site, inspections, output, options.cacheFolder, options.images);
  });
}
