/**
 * The share image of an inspection (Open Graph and Twitter cards, and the picture a
 * newsroom can use where it cannot embed a page): the organisation, the inspection and its
 * grades before and after, area by area, in the site's colours, 1200 by 630 pixels. And
 * the site's own image, for every other page.
 *
 * What is drawn is described here as a tree of boxes with styles (the element objects
 * satori lays out: https://github.com/vercel/satori#use-without-jsx), not as markup: no
 * text from content is ever parsed. The tree is also what the image cache hashes
 * (src/images/), so it holds everything the picture shows and nothing else.
 *
 * Its words come from the same model as the page: the sentence, the grades' short labels,
 * the dates the grades are as at. The alt text says the comparison in words.
 */
import { formatDay } from "../model/dates.ts";
import { inspectionYear } from "../model/when.ts";
import { verdictSentence } from "../model/sentence.ts";
import type { Comparison, ComparisonRow, Inspection, Judgement, Outcome, Scale } from "../model/types.ts";
import { CHANGE_TEXT, columnLabels } from "./comparison.ts";
import { gradeTone } from "./grade.ts";
import { box, IMAGE_FONT_FAMILY, type ImageNode } from "./image-tree.ts";
import type { Palette } from "./palette.ts";

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;
/** What every image shows besides its subject: the site, and where to find the page. */
export interface ImageSite {
  title: string;
  /** The address readers can type: host and path prefix, without the scheme. */
  address: string;
}

const PADDING = 56;
const ROW_MIN = 46;
/** Room for rows between the titles and the footer. */
const ROWS_HEIGHT = 312;
const COLUMNS = { label: 320, grade: 360, mark: 48 } as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The bars of the grade meter (src/render/grade.ts), drawn as boxes. */
function meter(outcome: Outcome, scale: Scale, colour: string): ImageNode {
  const count = scale.grades.length;
  const filled = outcome.kind === "grade" ? count - outcome.rank : 0;
  const bars = Array.from({ length: count }, (_, index) =>
    box({
      width: 6,
      height: Math.round(9 + index * (15 / Math.max(1, count - 1))),
      border: `2px solid ${colour}`,
      backgroundColor: index < filled ? colour : "transparent",
    }),
  );
  return box({ alignItems: "flex-end", gap: 3, marginRight: 9 }, ...bars);
}

/** A grade as the pages show it: label, meter, colour that only repeats them. */
function chip(outcome: Outcome | null, scale: Scale, palette: Palette, size = 23, withMeter = true): ImageNode {
  const tone = palette.tones[outcome ? gradeTone(outcome, scale) : "state"];
  return box(
    {
      alignItems: "center",
      padding: "4px 12px",
      border: `2px ${outcome?.kind === "grade" ? "solid" : "dashed"} ${tone.fg}`,
      borderRadius: 6,
      backgroundColor: tone.bg,
      color: tone.fg,
      fontSize: size,
      fontWeight: 700,
    },
    // Unknown and not judged have no place on the scale, so no meter.
    ...(outcome && withMeter && (outcome.kind === "grade" || outcome.kind === "state")
      ? [meter(outcome, scale, tone.fg)]
      : []),
    outcome ? outcome.short : "No rating",
  );
}

function muted(text: string, palette: Palette, size = 22): ImageNode {
  return box({ color: palette.muted, fontSize: size }, text);
}

function beforeCell(comparison: Comparison, row: ComparisonRow, palette: Palette): ImageNode {
  const scale = comparison.previous.framework.scale;
  if (row.previous.length === 0) return muted(row.relation === "new" ? "Not judged before" : "–", palette);
  if (row.previous.length === 1 && row.relation === "split")
    // Never speak of an area as judged alone when it was part of a combined judgement.
    return box(
      { flexDirection: "column", alignItems: "flex-start", gap: 2 },
      chip(row.previous[0]!.outcome, scale, palette),
      muted("as part of one judgement", palette, 18),
    );
  if (row.previous.length === 1) return chip(row.previous[0]!.outcome, scale, palette);
  // Merged: every old grade, and no arrow (DESIGN.md, comparison rules).
  return box(
    { flexDirection: "column", gap: 4 },
    ...row.previous.map((part) => chip(part.outcome, scale, palette, 18, false)),
  );
}

function markCell(row: ComparisonRow, palette: Palette): ImageNode {
  const colour =
    row.change === "improved"
      ? palette.tones.best.fg
      : row.change === "declined"
        ? palette.tones.worst.fg
        : palette.muted;
  return box(
    { width: COLUMNS.mark, justifyContent: "center", color: colour, fontSize: 30, fontWeight: 700 },
    CHANGE_TEXT[row.change].mark,
  );
}

function areaLabel(text: string): ImageNode {
  return box(
    {
      width: COLUMNS.label,
      flexShrink: 0,
      paddingRight: 16,
      boxSizing: "border-box",
      fontSize: 26,
      fontWeight: 700,
      lineClamp: 2,
    },
    text,
  );
}

function tableRow(cells: ImageNode[], palette: Palette, height: number): ImageNode {
  return box({ alignItems: "center", minHeight: height, borderTop: `2px solid ${palette.line}` }, ...cells);
}

/** How many rows fit, and how tall each may be; merged rows count one per old grade. */
function rowLayout(units: number[]): { shown: number; height: number } {
  let shown = 0;
  let used = 0;
  const room = ROWS_HEIGHT - 34;
  for (const unit of units) {
    if (used + unit * ROW_MIN > room) break;
    used += unit * ROW_MIN;
    shown++;
  }
  // A line says how many rows are left out: it takes the room of one.
  if (shown < units.length) shown = Math.max(1, shown - 1);
  const height = Math.min(
    64,
    Math.floor(
      room /
        Math.max(
          1,
          units.slice(0, shown).reduce((a, b) => a + b, 0),
        ),
    ),
  );
  return { shown, height };
}

function moreLine(left: number, palette: Palette): ImageNode[] {
  return left > 0
    ? [box({ paddingTop: 8 }, muted(`and ${left} more area${left === 1 ? "" : "s"} on the page`, palette))]
    : [];
}

function comparisonRows(comparison: Comparison, palette: Palette): ImageNode {
  const scale = comparison.current.framework.scale;
  const [before, now] = columnLabels(comparison);
  const { shown, height } = rowLayout(
    comparison.rows.map((row) => (row.relation === "split" ? 1.5 : Math.max(1, row.previous.length))),
  );
  const heading = box(
    { height: 34, alignItems: "flex-end", paddingBottom: 6, color: palette.muted, fontSize: 22 },
    box({ width: COLUMNS.label }, "Area"),
    box({ width: COLUMNS.grade }, before),
    box({ width: COLUMNS.mark }, ""),
    box({ width: COLUMNS.grade }, now),
  );
  const rows = comparison.rows
    .slice(0, shown)
    .map((row) =>
      tableRow(
        [
          areaLabel(capitalise(row.area?.short ?? row.previous[0]?.area.short ?? "")),
          box({ width: COLUMNS.grade }, beforeCell(comparison, row, palette)),
          markCell(row, palette),
          box(
            { width: COLUMNS.grade },
            row.area ? chip(row.current, scale, palette) : muted("No longer judged", palette),
          ),
        ],
        palette,
        height,
      ),
    );
  return box({ flexDirection: "column" }, heading, ...rows, ...moreLine(comparison.rows.length - shown, palette));
}

/** One area and its grade, in half the width, for the two-column list. */
function halfCell(judgement: Judgement, scale: Scale, palette: Palette): ImageNode {
  return box(
    { alignItems: "center", width: 530, minHeight: 50, borderTop: `2px solid ${palette.line}`, gap: 12 },
    box({ width: 250, flexShrink: 0, fontSize: 22, fontWeight: 700, lineClamp: 2 }, capitalise(judgement.area.short)),
    chip(judgement.outcome, scale, palette, 20, false),
  );
}

/** The grades of this inspection alone: the first graded one, or one that cannot be compared. */
function judgementRows(inspection: Inspection, palette: Palette, note?: string): ImageNode {
  const scale = inspection.framework.scale;
  const judgements = inspection.judgements.filter((judgement) => !judgement.area.separate);
  const noteLine = note ? [box({ paddingBottom: 10 }, muted(note, palette, 24))] : [];
  const { shown, height } = rowLayout([...(note ? [1] : []), ...judgements.map(() => 1)]);
  const fit = note ? shown - 1 : shown;
  if (fit >= judgements.length) {
    const rows = judgements.map((judgement) =>
      tableRow([areaLabel(capitalise(judgement.area.short)), chip(judgement.outcome, scale, palette)], palette, height),
    );
    return box({ flexDirection: "column", paddingTop: 16 }, ...noteLine, ...rows);
  }
  // More areas than lines: two columns of smaller cells, down then across.
  const perColumn = Math.min(5, Math.ceil(judgements.length / 2));
  const columns = [judgements.slice(0, perColumn), judgements.slice(perColumn, 2 * perColumn)].map((column) =>
    box({ flexDirection: "column" }, ...column.map((judgement) => halfCell(judgement, scale, palette))),
  );
  return box(
    { flexDirection: "column", paddingTop: 16 },
    ...noteLine,
    box({ gap: 28 }, ...columns),
    ...moreLine(judgements.length - 2 * perColumn, palette),
  );
}

/** Why a comparison draws no arrow at all, in a few words (as the sentence says it). */
function notComparedNote(comparison: Comparison): string {
  const year = inspectionYear(comparison.previous);
  return comparison.current.framework.scale !== comparison.previous.framework.scale
    ? `Not compared with ${year}: the grades were on a different scale.`
    : `Not compared with ${year}: the two frameworks are not linked.`;
}

/** The sentence and the editors' summary, when there are no grades to draw (an ungraded visit). */
function sentenceBlock(inspection: Inspection, palette: Palette): ImageNode {
  return box(
    { flexDirection: "column", paddingTop: 24, gap: 16 },
    box({ fontSize: 34, lineHeight: 1.3, lineClamp: 2 }, verdictSentence(inspection)),
    box({ fontSize: 26, lineHeight: 1.35, color: palette.muted, lineClamp: 4 }, inspection.summary),
  );
}

/** When the grades are as at: the visit and the publication of the report. */
function datesLine(inspection: Inspection): string {
  const visit = inspection.visit ? `Visit ${inspection.visit.label}` : "Visit dates not known";
  return inspection.published ? `${visit}. Report published ${formatDay(inspection.published)}.` : `${visit}.`;
}

/** The frame every image shares: the site's header strip (naming the site), the body, a footer line. */
function frame(site: ImageSite, palette: Palette, body: ImageNode[], footer: string, named = true): ImageNode {
  return box(
    {
      width: SHARE_IMAGE_SIZE.width,
      height: SHARE_IMAGE_SIZE.height,
      flexDirection: "column",
      backgroundColor: palette.bg,
      color: palette.text,
      fontFamily: IMAGE_FONT_FAMILY,
    },
    box(
      {
        alignItems: "center",
        height: 72,
        padding: `0 ${PADDING}px`,
        backgroundColor: palette.panel,
        borderBottom: `8px solid ${palette.link}`,
        fontSize: 26,
        fontWeight: 700,
      },
      named ? site.title : "",
    ),
    box({ flexDirection: "column", flexGrow: 1, padding: `24px ${PADDING}px 0` }, ...body),
    box(
      {
        justifyContent: "space-between",
        alignItems: "flex-end",
        gap: 24,
        padding: `0 ${PADDING}px 26px`,
        color: palette.muted,
        fontSize: 21,
      },
      box({ flexShrink: 1 }, footer),
      box({ flexShrink: 0, color: palette.link, fontWeight: 700 }, site.address),
    ),
  );
}

function titles(inspection: Inspection, palette: Palette): ImageNode[] {
  return [
    box({ color: palette.muted, fontSize: 28, lineClamp: 1 }, inspection.organisation.name),
    box({ fontSize: 44, fontWeight: 700, lineHeight: 1.15, lineClamp: 1 }, inspection.title),
  ];
}

const gradeWord = (outcome: Outcome | null): string => (outcome ? outcome.short.toLowerCase() : "no rating");

/** "help and protection: requires improvement in 2018, good in 2024" and the like, one per row. */
function rowInWords(comparison: Comparison, row: ComparisonRow): string {
  const [before, now] = columnLabels(comparison);
  const name = row.area?.short ?? row.previous[0]?.area.short ?? "";
  const after = row.area ? `${gradeWord(row.current)} in ${now}` : `no longer judged in ${now}`;
  if (row.previous.length === 0) return `${name}: not judged before, ${after}`;
  const parts = row.previous.map(
    (part) => `${gradeWord(part.outcome)}${row.previous.length > 1 ? ` for ${part.area.short}` : ""}`,
  );
  if (row.relation === "split")
    return `${name}: ${parts[0]} in ${before} as part of ${row.previous[0]!.area.short}, ${after}`;
  if (row.change === "unchanged") return `${name}: ${parts[0]} in ${before} and ${now}`;
  return `${name}: ${parts.join(" and ")} in ${before}, ${after}${row.change === "no-arrow" && row.area ? " (not compared)" : ""}`;
}

/** The comparison area by area, in words: what the share image shows, for its alt text. */
export function comparisonInWords(comparison: Comparison): string {
  if (comparison.apart) {
    const [, now] = columnLabels(comparison);
    const grades = comparison.rows.map((row) => `${row.area?.short ?? ""}: ${gradeWord(row.current)}`);
    return `Grades in ${now}, not compared with ${inspectionYear(comparison.previous)}: ${grades.join("; ")}.`;
  }
  return `Area by area: ${comparison.rows.map((row) => rowInWords(comparison, row)).join("; ")}.`;
}

/** The share image of an inspection in words, for `og:image:alt` and any `<img alt>`. */
export function shareImageAlt(inspection: Inspection): string {
  const { comparison } = inspection;
  const graded = inspection.judgements.some((judgement) => !judgement.area.separate);
  return [
    `${inspection.organisation.name}: ${inspection.title}.`,
    verdictSentence(inspection),
    ...(comparison ? [comparisonInWords(comparison)] : graded ? [] : [inspection.summary]),
    datesLine(inspection),
  ].join(" ");
}

export function inspectionShareImage(inspection: Inspection, site: ImageSite, palette: Palette): ImageNode {
  const { comparison } = inspection;
  const graded = inspection.judgements.some((judgement) => !judgement.area.separate);
  const body = comparison
    ? comparison.apart
      ? judgementRows(inspection, palette, notComparedNote(comparison))
      : comparisonRows(comparison, palette)
    : graded
      ? judgementRows(inspection, palette)
      : sentenceBlock(inspection, palette);
  return frame(site, palette, [...titles(inspection, palette), body], datesLine(inspection));
}

/** The site's image in words. */
export function siteImageAlt(site: { title: string; description: string }): string {
  return `${site.title}: ${site.description}`;
}

export function siteShareImage(site: ImageSite & { description: string }, palette: Palette): ImageNode {
  const tones = (["best", "good", "mid", "weak", "worst"] as const).map((tone) => palette.tones[tone]);
  const bars = box(
    { alignItems: "flex-end", gap: 14, paddingTop: 40 },
    ...tones.map((tone, index) =>
      box({ width: 46, height: 150 - index * 26, backgroundColor: tone.bg, border: `3px solid ${tone.fg}` }),
    ),
  );
  return frame(
    site,
    palette,
    [
      box({ fontSize: 64, fontWeight: 700, lineHeight: 1.1, lineClamp: 2 }, site.title),
      box({ paddingTop: 20, fontSize: 34, lineHeight: 1.3, color: palette.muted, lineClamp: 3 }, site.description),
      bars,
    ],
    "",
    false,
  );
}
