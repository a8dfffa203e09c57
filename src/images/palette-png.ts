/**
 * Pictures as small PNGs: the pixels resvg draws (RGBA) written as an indexed-colour PNG of
 * at most 256 colours (PNG's colour type 3, https://www.w3.org/TR/png-3/#6Colour-values).
 * The share images and charts are flat colours and the edges of text and shapes, so a
 * picture of 256 colours or fewer is written exactly; one with more is reduced to 256 by
 * median cut (each box of colours split at its median along its widest channel, weighted by
 * how many pixels have each colour) and every pixel takes its nearest colour, without
 * dithering (dither would make flat areas noisy and the file larger). Each row is filtered
 * with the filter PNG recommends for indexed images (none), and the whole is compressed
 * with zlib at level 9. docs/performance.md, "Pictures as small PNGs".
 *
 * The same pixels always give the same bytes: every choice below breaks ties by the
 * colour's value, never by the order a Map or a sort happened to give.
 */
import { deflateSync } from "node:zlib";

/** Pixels in rows, 4 bytes a pixel: red, green, blue, alpha. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
  /** resvg's pixels are premultiplied (each colour times its alpha): a PNG's are not. */
  premultiplied: boolean;
}

/** Straight colours from premultiplied ones, as resvg's own PNG writer gives them; transparent pixels are all 0. */
export function straightAlpha(pixels: Uint8Array): Uint8Array {
  const out = new Uint8Array(pixels);
  for (let at = 0; at < out.length; at += 4) {
    const alpha = out[at + 3]!;
    if (alpha === 255) continue;
    for (let index = 0; index < 3; index++)
      out[at + index] = alpha === 0 ? 0 : Math.min(255, Math.round((out[at + index]! * 255) / alpha));
  }
  return out;
}

/** What an encoder change would change: part of the image cache's key (rasterise.ts). */
export const PALETTE_PNG_VERSION = "palette-png 2";

const MAX_COLOURS = 256;

/**
 * Pixel `at`'s colour as a 32-bit number, RGBA from the high byte down, signed: a number V8
 * keeps as a small integer, which a Map finds quicker than a heap number.
 */
const colourAt = (pixels: Uint8Array, at: number): number =>
  (pixels[at]! << 24) | (pixels[at + 1]! << 16) | (pixels[at + 2]! << 8) | pixels[at + 3]!;

/** How many pixels have each colour. A run of one colour is counted at once: flat areas make most of a picture. */
function histogram(pixels: Uint8Array): Map<number, number> {
  const counts = new Map<number, number>();
  let run = colourAt(pixels, 0);
  let length = 0;
  for (let at = 0; at < pixels.length; at += 4) {
    const colour = colourAt(pixels, at);
    if (colour === run) {
      length++;
      continue;
    }
    counts.set(run, (counts.get(run) ?? 0) + length);
    run = colour;
    length = 1;
  }
  if (length > 0) counts.set(run, (counts.get(run) ?? 0) + length);
  return counts;
}

const channel = (colour: number, index: number): number => (colour >>> (24 - 8 * index)) & 0xff;

interface Box {
  colours: number[];
  /** The channel (0 red ... 3 alpha) with the widest range, and that range. */
  widest: number;
  range: number;
}

function boxOf(colours: number[]): Box {
  let widest = 0;
  let range = -1;
  for (let index = 0; index < 4; index++) {
    let low = 255;
    let high = 0;
    for (const colour of colours) {
      const value = channel(colour, index);
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (high - low > range) [widest, range] = [index, high - low];
  }
  return { colours, widest, range };
}

/** Splits a box at the weighted median of its widest channel: two boxes, neither empty. */
function split(box: Box, counts: Map<number, number>): [Box, Box] {
  const sorted = [...box.colours].sort((a, b) => channel(a, box.widest) - channel(b, box.widest) || a - b);
  const total = sorted.reduce((sum, colour) => sum + counts.get(colour)!, 0);
  let seen = 0;
  let at = 1;
  for (; at < sorted.length - 1; at++) {
    seen += counts.get(sorted[at - 1]!)!;
    if (seen * 2 >= total) break;
  }
  return [boxOf(sorted.slice(0, at)), boxOf(sorted.slice(at))];
}

/** The box's colour: the mean of its colours, weighted by their pixels. */
function meanColour(colours: readonly number[], counts: Map<number, number>): number {
  const sums = [0, 0, 0, 0];
  let total = 0;
  for (const colour of colours) {
    const count = counts.get(colour)!;
    total += count;
    for (let index = 0; index < 4; index++) sums[index]! += channel(colour, index) * count;
  }
  const [r, g, b, a] = sums.map((sum) => Math.round(sum / total)) as [number, number, number, number];
  return (r << 24) | (g << 16) | (b << 8) | a;
}

/** At most 256 colours for the picture, and each of its colours' place among them. */
export function quantise(counts: Map<number, number>): { palette: number[]; indexOf: Map<number, number> } {
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  let palette: number[];
  let members: number[][];
  if (distinct.length <= MAX_COLOURS) {
    palette = distinct;
    members = distinct.map((colour) => [colour]);
  } else {
    const boxes = [boxOf(distinct)];
    while (boxes.length < MAX_COLOURS) {
      // The box of the widest range (ties: the one with the lowest first colour) is split next.
      let chosen = -1;
      for (const [index, box] of boxes.entries())
        if (box.colours.length > 1 && (chosen < 0 || box.range > boxes[chosen]!.range)) chosen = index;
      if (chosen < 0) break;
      boxes.splice(chosen, 1, ...split(boxes[chosen]!, counts));
    }
    members = boxes.map((box) => box.colours);
    palette = members.map((colours) => meanColour(colours, counts));
  }
  // Transparent colours first, so the transparency chunk (tRNS) stops at the last of them.
  const order = palette
    .map((_, index) => index)
    .sort((a, b) => Number(channel(palette[a]!, 3) === 255) - Number(channel(palette[b]!, 3) === 255) || a - b);
  const indexOf = new Map<number, number>();
  order.forEach((from, to) => {
    for (const colour of members[from]!) indexOf.set(colour, to);
  });
  return { palette: order.map((from) => palette[from]!), indexOf };
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** The fewest bits a pixel that can name every colour of the palette: 1, 2, 4 or 8. */
const bitDepth = (colours: number): number => (colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8);

/** The picture as an indexed-colour PNG of at most 256 colours. */
export function palettePng(image: RgbaImage): Buffer {
  const { width, height } = image;
  const pixels = image.premultiplied ? straightAlpha(image.pixels) : image.pixels;
  if (pixels.length !== width * height * 4)
    throw new Error(`The picture has ${pixels.length} bytes; ${width} by ${height} pixels need ${width * height * 4}.`);
  const { palette, indexOf } = quantise(histogram(pixels));
  const depth = bitDepth(palette.length);
  const perByte = 8 / depth;
  const rowBytes = Math.ceil(width / perByte);
  const raw = Buffer.alloc((rowBytes + 1) * height);
  // The last colour looked up, and its place: every colour is a number, so none can be mistaken for "none yet".
  let last = colourAt(pixels, 0);
  let index = indexOf.get(last)!;
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1) + 1; // Each row's first byte is its filter: 0, none.
    for (let x = 0; x < width; x++) {
      const colour = colourAt(pixels, (y * width + x) * 4);
      if (colour !== last) [last, index] = [colour, indexOf.get(colour)!];
      raw[row + ((x / perByte) | 0)]! |= index << (8 - depth * ((x % perByte) + 1));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, 3, 0, 0, 0], 8);
  const plte = Buffer.from(palette.flatMap((colour) => [channel(colour, 0), channel(colour, 1), channel(colour, 2)]));
  const alphas = palette.map((colour) => channel(colour, 3));
  // The transparent colours come first (quantise): the chunk lists them, and the rest are opaque.
  const transparent = alphas.filter((alpha) => alpha !== 255).length;
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("PLTE", plte),
    ...(transparent > 0 ? [chunk("tRNS", Buffer.from(alphas.slice(0, transparent)))] : []),
    chunk("IDAT", deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
