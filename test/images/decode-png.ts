/**
 * A PNG reader for tests: enough of the format (https://www.w3.org/TR/png-3/) to read back
 * what resvg writes (8-bit RGBA, every row filter) and what src/images/palette-png.ts
 * writes (indexed colour of 1 to 8 bits, with a transparency chunk), as RGBA pixels.
 */
import { inflateSync } from "node:zlib";

export interface Decoded {
  width: number;
  height: number;
  colourType: number;
  bitDepth: number;
  /** Colours in the palette (indexed images), else 0. */
  paletteSize: number;
  pixels: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Buffer): Decoded {
  let at = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  let palette: Buffer = Buffer.alloc(0);
  let alphas: Buffer = Buffer.alloc(0);
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8]!;
      colourType = body[9]!;
    } else if (type === "PLTE") palette = body;
    else if (type === "tRNS") alphas = body;
    else if (type === "IDAT") data.push(body);
    at += 12 + length;
  }
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 1;
  const bitsPerPixel = channels * bitDepth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const step = Math.max(1, bitsPerPixel / 8);
  const raw = inflateSync(Buffer.concat(data));
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= step ? rows[y * stride + x - step]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const corner = x >= step && y > 0 ? rows[(y - 1) * stride + x - step]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, corner)][filter]!;
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (colourType === 6) pixels.set(rows.subarray(y * stride + x * 4, y * stride + x * 4 + 4), out);
      else if (colourType === 3) {
        const bit = x * bitDepth;
        const index = (rows[y * stride + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
        pixels.set([...palette.subarray(index * 3, index * 3 + 3), index < alphas.length ? alphas[index]! : 255], out);
      } else throw new Error(`colour type ${colourType} is not read here`);
    }
  return { width, height, colourType, bitDepth, paletteSize: palette.length / 3, pixels };
}
