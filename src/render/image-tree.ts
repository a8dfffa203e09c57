/**
 * Pictures as data: a tree of boxes with styles, in the plain-object form satori lays out
 * (https://github.com/vercel/satori#use-without-jsx), or an SVG, each with the size to draw
 * it at. src/render describes what to draw; src/images draws it, and hashes the
 * description to know whether it was drawn before. No text in a tree is ever parsed as
 * markup.
 */

/** The family the images are drawn in: fonts/ holds it (fonts/README.md says why this one). */
export const IMAGE_FONT_FAMILY = "Liberation Sans";

export type ImageStyle = Readonly<Record<string, string | number>>;
export type ImageChild = ImageNode | string;
/** A box as satori reads it: `{ type, props: { style, children } }`. */
export interface ImageNode {
  type: "div";
  props: { style: ImageStyle; children: ImageChild[] };
}

/** One picture to draw (src/images/): a tree of boxes at a size, or an SVG drawn at a width in pixels. */
export type ImageJob =
  { kind: "tree"; tree: ImageNode; width: number; height: number } | { kind: "svg"; svg: string; width: number };

/** A flex box (satori lays out every box with children as flex). */
export function box(style: ImageStyle, ...children: ImageChild[]): ImageNode {
  return { type: "div", props: { style: { display: "flex", ...style }, children } };
}
