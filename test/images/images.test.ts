/**
 * Drawing pictures without a browser (src/images/): PNGs of the right size, the same bytes
 * every time, a cache that spares a second build the drawing, and errors that say which
 * picture failed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createDrawPool } from "../../src/images/draw-pool.ts";
import { openImageCache } from "../../src/images/image-cache.ts";
import { createRasteriser } from "../../src/images/rasterise.ts";
import { writeImages, type ImageTarget } from "../../src/images/write-images.ts";
import { box, IMAGE_FONT_FAMILY, type ImageJob } from "../../src/render/image-tree.ts";
import { projectRoot } from "../fixtures/content.ts";

const test = suite("images: drawing, caching, writing");
const rasteriser = createRasteriser(join(projectRoot, "fonts"));
let work = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-images-"));
});
test.after(() => rmSync(work, { recursive: true, force: true }));

const tree = (text: string): ImageJob => ({
  kind: "tree",
  tree: box({ width: 300, height: 100, backgroundColor: "#fff", fontFamily: IMAGE_FONT_FAMILY, fontSize: 30 }, text),
  width: 300,
  height: 100,
});
const svg: ImageJob = {
  kind: "svg",
  svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><text x="4" y="20" font-size="14">Good</text></svg>`,
  width: 256,
};

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): [number, number] {
  assert.equal([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "a PNG signature");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test("a tree of boxes and an SVG are drawn as PNGs of the size asked for", async () => {
  assert.equal(pngSize(await rasteriser.draw(tree("Good"))), [300, 100]);
  assert.equal(pngSize(await rasteriser.draw(svg)), [256, 128]);
});

test("the same picture is drawn to the same bytes; different text to different bytes", async () => {
  const [first, second, other] = await Promise.all([
    rasteriser.draw(tree("Requires improvement")),
    rasteriser.draw(tree("Requires improvement")),
    rasteriser.draw(tree("Inadequate")),
  ]);
  assert.ok(first.equals(second));
  assert.not.ok(first.equals(other));
  // SVG text is drawn in the repository's font, not the machine's: it draws at all.
  const blank = await rasteriser.draw({ ...svg, svg: svg.svg.replace("Good", "") });
  assert.not.ok((await rasteriser.draw(svg)).equals(blank));
});

test("worker threads draw the same bytes as the build's own thread, and say why a picture failed", async () => {
  const pool = createDrawPool(join(projectRoot, "fonts"), 2);
  try {
    assert.is(pool.identity, rasteriser.identity);
    const jobs = [tree("Good"), tree("Adequate"), svg, tree("Inadequate"), tree("Outstanding")];
    const drawn = await Promise.all(jobs.map((job) => pool.draw(job)));
    for (const [index, job] of jobs.entries())
      assert.ok(drawn[index]!.equals(await rasteriser.draw(job)), `job ${index}`);
    const failure = await pool.draw({ ...svg, svg: "<svg" }).then(
      () => "drawn",
      (error: Error) => error.message,
    );
    assert.match(failure, /SVG|svg|parse|XML/i);
  } finally {
    await pool.close();
  }
});

test("the cache key follows the picture and the rasteriser, nothing else", () => {
  const cache = openImageCache(join(work, "keys"), rasteriser.identity);
  assert.is(cache.key(tree("Good")), cache.key(tree("Good")));
  assert.is.not(cache.key(tree("Good")), cache.key(tree("Good ")));
  assert.is.not(cache.key(svg), cache.key({ ...svg, width: 512 }));
  const otherFonts = openImageCache(join(work, "keys"), "another identity");
  assert.is.not(cache.key(svg), otherFonts.key(svg));
});

test("a second run over the same pictures draws none and writes the same bytes", async () => {
  const cache = openImageCache(join(work, "cache"), rasteriser.identity);
  const targets = (folder: string): ImageTarget[] =>
    ["Good", "Adequate", "Inadequate"].map((text, index) => ({
      file: join(work, folder, `deep/${index}.png`),
      job: tree(text),
      what: `picture ${index}`,
    }));
  const first = await writeImages(targets("one"), rasteriser, cache);
  assert.equal([first.drawn, first.cached], [3, 0]);
  const second = await writeImages(targets("two"), rasteriser, cache);
  assert.equal([second.drawn, second.cached], [0, 3]);
  for (const index of [0, 1, 2])
    assert.ok(
      readFileSync(join(work, `one/deep/${index}.png`)).equals(readFileSync(join(work, `two/deep/${index}.png`))),
    );
  assert.is(readdirSync(join(work, "cache")).length, 3, "no partial files left");
});

test("a picture that cannot be drawn fails the step, naming it, and nothing is cached for it", async () => {
  const cache = openImageCache(join(work, "failing"), rasteriser.identity);
  const broken: ImageTarget = {
    file: join(work, "out/broken.png"),
    job: { ...svg, svg: "<svg" },
    what: "The chart of /x/",
  };
  try {
    await writeImages([broken], rasteriser, cache);
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.match((error as Error).message, /^The chart of \/x\/ could not be drawn: /);
  }
  assert.equal(readdirSync(join(work, "failing")), []);
  assert.not.ok(existsSync(join(work, "out/broken.png")));
});

test("pictures no build has used for a month leave the cache; recent ones stay", () => {
  const folder = join(work, "prune");
  const cache = openImageCache(folder, rasteriser.identity);
  const old = cache.put("old", Buffer.from("x"));
  cache.put("new", Buffer.from("y"));
  const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
  utimesSync(old, longAgo, longAgo);
  assert.is(cache.prune(30), 1);
  assert.equal(readdirSync(folder), ["new.png"]);
  // Finding a picture marks it used.
  utimesSync(join(folder, "new.png"), longAgo, longAgo);
  assert.ok(cache.find("new"));
  assert.is(cache.prune(30), 0);
});

test.run();
