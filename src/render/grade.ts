/**
 * A grade as a chip a reader can read without colour: the label as text, and a small bar
 * meter showing the grade's place on its scale (four of four bars for the best grade of
 * four). Colour only repeats what the text and the bars already say (WCAG 1.4.1).
 */
import type { Outcome, Scale } from "../model/types.ts";
import { breakable, html, type SafeHtml } from "./html.ts";

const TONES = ["best", "good", "mid", "weak", "worst"] as const;

/** A grade's colour family (`.grade-best` ...), `state` for an outcome that is not a grade, `unknown` for a grade not on the site. */
export type GradeTone = (typeof TONES)[number] | "state" | "unknown";

/** A colour family by relative position, so a six-point scale and a four-point one share a palette. */
export function gradeTone(outcome: Outcome, scale: Scale): GradeTone {
  if (outcome.kind === "unknown") return "unknown";
  if (outcome.kind !== "grade") return "state";
  const steps = scale.grades.length - 1;
  return TONES[Math.round((outcome.rank / steps) * (TONES.length - 1))]!;
}

/**
 * The meter of an outcome on its scale: a `<use>` of the meter's symbol (`meterSymbols`
 * draws it once on the page), about 90 bytes where the drawing is about 430 and is on
 * every grade of a page (docs/performance.md, "Page weight"). The symbol's id says the
 * drawing: `gm-6-5` is six bars, five filled. `fill`/`stroke` are `currentColor`, so the
 * bars take the chip's colour, the forced colours of high contrast, and print as drawn.
 */
export function gradeMeter(outcome: Outcome, scale: Scale): SafeHtml {
  const count = scale.grades.length;
  const filled = outcome.kind === "grade" ? count - outcome.rank : 0;
  return html`<svg class="grade-meter" aria-hidden="true" width="${count * 5}" height="13"><use href="#gm-${count}-${filled}"/></svg>`;
}

/** A number as short as it can be written: 4 rather than 4.0, 6.7 rather than 6.67. */
const short = (value: number): string => String(Number(value.toFixed(1)));

/**
 * The bars as two paths, all outlined and the grade's filled: the same drawing as a
 * `<rect>` per bar in a third of the bytes.
 */
function meterSymbol(count: number, filled: number): string {
  const bars = Array.from({ length: count }, (_, index) => {
    const height = 4 + index * (8 / Math.max(1, count - 1));
    return `M${short(index * 5 + 0.5)} ${short(12.5 - height)}h3v${short(height)}h-3z`;
  });
  const fill = filled > 0 ? `<path d="${bars.slice(0, filled).join("")}" fill="currentColor"/>` : "";
  return `<symbol id="gm-${count}-${filled}" viewBox="0 0 ${count * 5} 13">${fill}<path d="${bars.join("")}" fill="none" stroke="currentColor"/></symbol>`;
}

const METER_USE = /<use href="#gm-(\d+)-(\d+)"\/>/g;

/**
 * The symbols of the meters a page's markup uses, each once, in the order first used, as
 * one hidden `<svg>` to put in the page (src/render/page-shell.ts); "" when it uses none.
 * Made from the markup, so every page that shows a grade gets exactly the drawings it needs,
 * whichever of the render functions drew its chips.
 */
export function meterSymbols(markup: string): string {
  const seen = new Set<string>();
  let symbols = "";
  for (const [, count, filled] of markup.matchAll(METER_USE)) {
    const key = `${count}-${filled}`;
    if (seen.has(key)) continue;
    seen.add(key);
    symbols += meterSymbol(Number(count), Number(filled));
  }
  return symbols ? `<svg class="symbols" width="0" height="0" aria-hidden="true">${symbols}</svg>` : "";
}

/**
 * The chip of an outcome. Unknown (judged, not on this site yet) and not judged are told in
 * words with no meter, so neither can be read as a place on the scale; null is an area
 * with no rating at all. `meter: false` leaves the meter out (the embed page, where every
 * byte counts): the label still says the grade.
 */
export function gradeChip(
  outcome: Outcome | null,
  scale: Scale,
  options: { full?: boolean; meter?: boolean } = {},
): SafeHtml {
  if (!outcome) return html`<span class="grade grade-none">No rating</span>`;
  if (outcome.kind === "unknown") return html`<span class="grade grade-unknown">Not known</span>`;
  if (outcome.kind === "not-judged") return html`<span class="grade grade-none">Not judged</span>`;
  const label = options.full ? outcome.label : outcome.short;
  const meter = options.meter === false ? "" : html`${gradeMeter(outcome, scale)} `;
  return html`<span class="grade grade-${gradeTone(outcome, scale)}">${meter}${breakable(label)}</span>`;
}
