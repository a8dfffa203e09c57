/**
 * Pictures as small PNGs (src/images/palette-png.ts): what resvg draws, written with a
 * palette. Read back by a PNG reader of the tests' own, the pixels are resvg's exactly when
 * a picture has 256 colours or fewer (the share images and charts), and close when it has
 * more; the same pixels give the same bytes; transparency is kept.
 */
import { renderAsync } from "@resvg/resvg-js";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { palettePng, quantise, straightAlpha } from "../../src/images/palette-png.ts";
import { createRasteriser } from "../../src/images/rasterise.ts";
import { inspectionShareImage, SHARE_IMAGE_SIZE } from "../../src/render/share-image.ts";
import { paletteFromCss } from "../../src/render/palette.ts";
import { modelOf, projectRoot, sampleContent } from "../fixtures/content.ts";
import { decodePng } from "./decode-png.ts";
import { readFileSync } from "node:fs";

const test = suite("images: palette PNGs");

const differences = (a: Uint8Array, b: Uint8Array) => {
  let largest = 0;
  let total = 0;
  for (let at = 0; at < a.length; at++) {
    const difference = Math.abs(a[at]! - b[at]!);
    largest = Math.max(largest, difference);
    total += difference;
  }
  return { largest, mean: total / a.length };
};

test("a share image is written with its own colours, pixel for pixel, in well under half resvg's bytes", async () => {
  const model = modelOf(sampleContent());
  const inspection = model.inspections.find((candidate) => candidate.comparison)!;
  const palette = paletteFromCss(readFileSync(join(projectRoot, "layouts/assets/site.css"), "utf8"), "site.css");
  const tree = inspectionShareImage(inspection, { title: "Explainers", address: "example.org" }, palette);
  const rasteriser = createRasteriser(join(projectRoot, "fonts"));
  const small = await rasteriser.draw({ kind: "tree", tree, ...SHARE_IMAGE_SIZE });
  const decoded = decodePng(small);
  assert.equal([decoded.width, decoded.height, decoded.colourType], [1200, 630, 3]);
  // resvg's own PNG of the same drawing, read back: the same pixels.
  const { default: satori } = await import("satori");
  const fonts = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"].map((file, index) => ({
    name: "Liberation Sans",
    data: readFileSync(join(projectRoot, "fonts", file)),
    weight: index === 0 ? (400 as const) : (700 as const),
    style: "normal" as const,
  }));
  const svg = await satori(tree as never, { ...SHARE_IMAGE_SIZE, fonts });
  const own = (await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } })).asPng();
  assert.equal(differences(decoded.pixels, decodePng(own).pixels).largest, 0);
  assert.ok(small.length * 2 < own.length, `${small.length} bytes against resvg's ${own.length}`);
});

test("more than 256 colours are reduced to 256, each pixel close to its colour, the same bytes every time", () => {
  const width = 256;
  const height = 64;
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels.set([x, (y * 4) & 0xff, (x + y) & 0xff, 255], (y * width + x) * 4);
  const image = { width, height, pixels, premultiplied: false };
  const png = palettePng(image);
  assert.ok(png.equals(palettePng({ ...image, pixels: new Uint8Array(pixels) })));
  const decoded = decodePng(png);
  assert.is(decoded.paletteSize, 256);
  assert.is(decoded.bitDepth, 8);
  const { largest, mean } = differences(decoded.pixels, pixels);
  assert.ok(largest <= 32, `largest difference ${largest}`);
  assert.ok(mean <= 6, `mean difference ${mean}`);
});

test("transparency is kept, premultiplied colours are made straight, and few colours take fewer bits", async () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="2"><rect width="4" height="2" fill="#ff8040" fill-opacity="0.5"/></svg>`;
  const drawn = await renderAsync(svg);
  const png = palettePng({ width: drawn.width, height: drawn.height, pixels: drawn.pixels, premultiplied: true });
  const decoded = decodePng(png);
  assert.equal(decoded.pixels, decodePng(drawn.asPng()).pixels);
  assert.is(decoded.bitDepth, 1, "two colours: a bit a pixel");
  assert.equal([...decoded.pixels.subarray(0, 4)], [255, 128, 64, 128]);
  assert.equal([...decoded.pixels.subarray(16, 20)], [0, 0, 0, 0]);
  assert.equal([...straightAlpha(new Uint8Array([128, 64, 32, 128, 9, 9, 9, 0]))], [255, 128, 64, 128, 0, 0, 0, 0]);
});

test("a picture that starts white (the number -1, as a signed colour) is written exactly", () => {
  // White first, then a grey, then white again: the first run of white must not take the grey's place.
  const width = 6;
  const pixels = new Uint8Array(width * 4 * 2).fill(255);
  pixels.set([133, 133, 133, 255], 3 * 4);
  pixels.set([10, 20, 30, 255], (width + 1) * 4);
  const decoded = decodePng(palettePng({ width, height: 2, pixels, premultiplied: false }));
  assert.equal([...decoded.pixels], [...pixels]);
});

test("the palette lists transparent colours first, and every colour of the picture has a place", () => {
  const counts = new Map([
    [0x112233ff, 5],
    [0x44556600, 2],
    [0x778899ff, 1],
  ]);
  const { palette, indexOf } = quantise(counts);
  assert.is(palette[0], 0x44556600);
  assert.equal([...indexOf.keys()].sort(), [...counts.keys()].sort());
});

test.run();
