/**
 * Pictures without a browser: satori lays out a tree of boxes (src/render/share-image.ts)
 * into SVG, with its text as outlines; resvg draws SVG into PNG. Neither reads the
 * machine's fonts, only the ones in fonts/, so every machine draws the same pixels.
 * https://github.com/vercel/satori, https://github.com/yisibl/resvg-js
 *
 * resvg draws on libuv's thread pool (`renderAsync`), so a thread can lay out the next
 * picture while the last is drawn.
 */
import { renderAsync } from "@resvg/resvg-js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import satori from "satori";
import { IMAGE_FONT_FAMILY, type ImageJob } from "../render/image-tree.ts";
import { PALETTE_PNG_VERSION, palettePng } from "./palette-png.ts";

export interface Rasteriser {
  /** Changes whenever the same job could draw other pixels: the fonts, satori's or resvg's version. */
  readonly identity: string;
  draw(job: ImageJob): Promise<Buffer>;
}

export const FONT_FILES = [
  { file: "LiberationSans-Regular.ttf", weight: 400 },
  { file: "LiberationSans-Bold.ttf", weight: 700 },
] as const;

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (require(`${name}/package.json`) as { version: string }).version;
}

function readFonts(fontsFolder: string) {
  return FONT_FILES.map(({ file, weight }) => ({
    path: join(fontsFolder, file),
    data: readFileSync(join(fontsFolder, file)),
    weight,
  }));
}

/**
 * What could make the same job give other bytes: the fonts, satori's and resvg's versions,
 * and the PNG writer's (palette-png.ts), with the zlib that compresses it.
 */
export function rasteriserIdentity(fontsFolder: string): string {
  return createHash("sha256")
    .update(`satori ${packageVersion("satori")}; resvg ${packageVersion("@resvg/resvg-js")}`)
    .update(`; ${PALETTE_PNG_VERSION}; zlib ${process.versions.zlib}`)
    .update(Buffer.concat(readFonts(fontsFolder).map((font) => font.data)))
    .digest("hex");
}

/** resvg's drawing as a palette PNG (palette-png.ts), not resvg's own RGBA PNG: about 40% of its size. */
function smallPng(image: { width: number; height: number; pixels: Buffer }): Buffer {
  return palettePng({ width: image.width, height: image.height, pixels: image.pixels, premultiplied: true });
}

/** Draws in the thread that calls it (draw-pool.ts draws on workers with one of these each). */
export function createRasteriser(fontsFolder: string): Rasteriser {
  const fonts = readFonts(fontsFolder);
  const identity = rasteriserIdentity(fontsFolder);
  const satoriFonts = fonts.map((font) => ({
    name: IMAGE_FONT_FAMILY,
    data: font.data,
    weight: font.weight,
    style: "normal" as const,
  }));
  const resvgFonts = {
    loadSystemFonts: false,
    fontFiles: fonts.map((font) => font.path),
    defaultFontFamily: IMAGE_FONT_FAMILY,
    sansSerifFamily: IMAGE_FONT_FAMILY,
  };
  return {
    identity,
    async draw(job) {
      if (job.kind === "tree") {
        // satori's types want a React element; the tree is the plain object form it documents.
        const svg = await satori(job.tree as unknown as Parameters<typeof satori>[0], {
          width: job.width,
          height: job.height,
          fonts: satoriFonts,
        });
        return smallPng(await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }));
      }
      return smallPng(await renderAsync(job.svg, { fitTo: { mode: "width", value: job.width }, font: resvgFonts }));
    },
  };
}
