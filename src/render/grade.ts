/**
 * A grade as a chip a reader can read without colour: the label as text, and a small bar
 * meter showing the grade's place on its scale (four of four bars for the best grade of
 * four). Colour only repeats what the text and the bars already say (WCAG 1.4.1).
 */
import type { Outcome, Scale } from "../model/types.ts";
import { html, trusted, type SafeHtml } from "./html.ts";

const TONES = ["best", "good", "mid", "weak", "worst"] as const;

/** A colour family by relative position, so a six-point scale and a four-point one share a palette. */
export function gradeTone(outcome: Outcome, scale: Scale): string {
  if (outcome.kind === "state") return "state";
  const steps = scale.grades.length - 1;
  return TONES[Math.round((outcome.rank / steps) * (TONES.length - 1))]!;
}

/** Meters by scale and grade: a site has a handful, drawn on every page (docs/performance.md). */
const meters = new WeakMap<Scale, Map<number, SafeHtml>>();

export function gradeMeter(outcome: Outcome, scale: Scale): SafeHtml {
  const key = outcome.kind === "grade" ? outcome.rank : -1;
  let byRank = meters.get(scale);
  if (!byRank) meters.set(scale, (byRank = new Map()));
  let meter = byRank.get(key);
  if (!meter) byRank.set(key, (meter = drawMeter(outcome, scale)));
  return meter;
}

function drawMeter(outcome: Outcome, scale: Scale): SafeHtml {
  const count = scale.grades.length;
  const filled = outcome.kind === "grade" ? count - outcome.rank : 0;
  const bars = Array.from({ length: count }, (_, index) => {
    const x = index * 5;
    const height = 4 + index * (8 / Math.max(1, count - 1));
    const fill = index < filled ? "currentColor" : "none";
    return `<rect x="${x + 0.5}" y="${(12.5 - height).toFixed(1)}" width="3" height="${height.toFixed(1)}" fill="${fill}" stroke="currentColor"/>`;
  }).join("");
  return trusted(`<svg class="grade-meter" aria-hidden="true" focusable="false" width="${count * 5}" height="13" viewBox="0 0 ${count * 5} 13">${bars}</svg>`);
}

export function gradeChip(outcome: Outcome | null, scale: Scale, options: { full?: boolean } = {}): SafeHtml {
  if (!outcome) return html`<span class="grade grade-none">Not judged</span>`;
  const label = options.full ? outcome.label : outcome.short;
  return html`<span class="grade grade-${gradeTone(outcome, scale)}">${gradeMeter(outcome, scale)} ${label}</span>`;
}
