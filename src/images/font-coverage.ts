/**
 * Which characters the fonts in fonts/ can draw, read from their character maps (the
 * `cmap` table of a TrueType font: https://learn.microsoft.com/typography/opentype/spec/cmap),
 * so that a picture is never drawn with empty boxes where a character has no glyph
 * (Arabic, Chinese, emoji in a name or a summary). satori draws such a character as the
 * font's empty box and says nothing; the build asks this first (sharing-plugin.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImageChild, ImageNode } from "../render/image-tree.ts";
import { FONT_FILES } from "./rasterise.ts";

/** The code points a font's character map gives a glyph to. */
export function mappedCharacters(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let index = 0; index < tables; index++) {
    const record = 12 + index * 16;
    if (font.toString("latin1", record, record + 4) === "cmap") cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error("The font has no character map (cmap table).");
  const subtables: number[] = [];
  for (let index = 0; index < font.readUInt16BE(cmap + 2); index++) {
    const record = cmap + 4 + index * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    // Unicode: Windows (3) BMP or full, or the Unicode platform (0).
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.push(cmap + font.readUInt32BE(record + 4));
  }
  const found = new Set<number>();
  for (const at of subtables) {
    const format = font.readUInt16BE(at);
    if (format === 4) readFormat4(font, at, found);
    else if (format === 12) readFormat12(font, at, found);
  }
  return found;
}

/** Segments of the Basic Multilingual Plane, with the glyph of each character worked out (0 is none). */
function readFormat4(font: Buffer, at: number, found: Set<number>): void {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment++) {
    const end = font.readUInt16BE(ends + segment * 2);
    const start = font.readUInt16BE(starts + segment * 2);
    const delta = font.readInt16BE(deltas + segment * 2);
    const offsetAt = offsets + segment * 2;
    const offset = font.readUInt16BE(offsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph = (code + delta) & 0xffff;
      if (offset !== 0) {
        const index = font.readUInt16BE(offsetAt + offset + (code - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) found.add(code);
    }
  }
}

/** Groups of characters with consecutive glyphs, over all of Unicode. */
function readFormat12(font: Buffer, at: number, found: Set<number>): void {
  const groups = font.readUInt32BE(at + 12);
  for (let group = 0; group < groups; group++) {
    const record = at + 16 + group * 12;
    const start = font.readUInt32BE(record);
    const end = font.readUInt32BE(record + 4);
    const glyph = font.readUInt32BE(record + 8);
    for (let code = start; code <= end && code - start < 0x20000; code++)
      if (glyph + (code - start) !== 0) found.add(code);
  }
}

/** Whether every font of fonts/ (regular and bold: a text may be drawn in either) can draw a character. */
export function fontCoverage(fontsFolder: string): (codePoint: number) => boolean {
  const maps = FONT_FILES.map(({ file }) => mappedCharacters(readFileSync(join(fontsFolder, file))));
  return (codePoint) => maps.every((map) => map.has(codePoint));
}

/** The characters of a picture's text that the fonts cannot draw, each once, in order of appearance; spaces aside. */
export function undrawable(children: readonly ImageChild[], covers: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  const walk = (nodes: readonly ImageChild[]) => {
    for (const node of nodes) {
      if (typeof node !== "string") {
        walk(node.props.children);
        continue;
      }
      for (const character of node) {
        if (/\s/.test(character) || covers(character.codePointAt(0)!)) continue;
        missing.add(character);
      }
    }
  };
  walk(children);
  return [...missing];
}

/** The picture with these characters taken out of its text: the last resort, for the site's own image. */
export function withoutCharacters(node: ImageNode, missing: ReadonlySet<string>): ImageNode {
  const children = node.props.children.map((child) =>
    typeof child === "string"
      ? [...child].filter((character) => !missing.has(character)).join("")
      : withoutCharacters(child, missing),
  );
  return { ...node, props: { ...node.props, children } };
}

/** The text an SVG draws: what is between its tags, with the entities an SVG writer uses read back. */
export function svgText(svg: string): string {
  return [...svg.matchAll(/>([^<]+)</g)]
    .map((match) => match[1]!)
    .join(" ")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(?:amp|lt|gt|quot|apos);/g, " ");
}

/** The SVG with these characters taken out of the text between its tags. */
export function svgWithout(svg: string, missing: ReadonlySet<string>): string {
  const kept = (text: string) => [...text].filter((character) => !missing.has(character)).join("");
  return svg.replace(/>([^<]+)</g, (_, text: string) => `>${kept(text)}<`);
}
