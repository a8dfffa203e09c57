/**
 * The site's colours, read from its stylesheet, for what is drawn outside a browser: the
 * share images and the downloadable chart. The stylesheet's first `:root` block holds the
 * light scheme (layouts/assets/site.css); images are drawn in it, as a shared image or a
 * printed chart has no dark mode. One definition of the colours, so an image never drifts
 * from the pages.
 */
import type { GradeTone } from "./grade.ts";

export interface Palette {
  text: string;
  muted: string;
  bg: string;
  panel: string;
  line: string;
  link: string;
  /** Each grade tone's text (and border) colour and its background. */
  tones: Record<GradeTone, { fg: string; bg: string }>;
}

const TONE_NAMES: readonly GradeTone[] = ["best", "good", "mid", "weak", "worst", "state", "unknown"];

/**
 * @example paletteFromCss(":root { --text: #0b0c0c; ... }").text === "#0b0c0c"
 * @throws when a colour the images need is missing, naming it.
 */
export function paletteFromCss(css: string, file = "the stylesheet"): Palette {
  const block = /:root\s*\{([^}]*)\}/.exec(css)?.[1];
  if (block === undefined) throw new Error(`${file} has no :root block: the images take the site's colours from it.`);
  const colours = new Map<string, string>();
  for (const [, name, value] of block.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)) colours.set(name!, value!.trim());
  const colour = (name: string): string => {
    const value = colours.get(name);
    if (!value)
      throw new Error(
        `${file} sets no --${name} in its first :root block: the share images and the downloadable chart are drawn in the site's colours, and need it.`,
      );
    return value;
  };
  const tones = Object.fromEntries(
    TONE_NAMES.map((tone) => [tone, { fg: colour(tone), bg: colour(`${tone}-bg`) }]),
  ) as Palette["tones"];
  return {
    text: colour("text"),
    muted: colour("muted"),
    bg: colour("bg"),
    panel: colour("panel"),
    line: colour("line"),
    link: colour("link"),
    tones,
  };
}
