/**
 * The comparison as files a newsroom can take away, linked under the chart on the
 * explainer: the chart as an SVG that stands on its own (and, drawn from it, a PNG), and
 * the table's data as CSV.
 *
 * The file is the page's chart (arrowChartDrawing in charts.ts) painted with the site's
 * light colours as attributes, not classes: a file has no stylesheet, and a `<style>` in
 * it would be refused where the site's Content-Security-Policy applies to it. It carries
 * what a chart needs once it has left the page: whose inspection, how to read it, the date
 * the grades are as at, and where it comes from.
 */
import { formatDay } from "../model/dates.ts";
import { whenText } from "../model/when.ts";
import type { Comparison, ComparisonRow, Outcome } from "../model/types.ts";
import { arrowChartDrawing, wrapLabel, type ChartPaint, type ChartRole } from "./charts.ts";
import { CHANGE_TEXT, columnLabels } from "./comparison.ts";
import { toCsv, type CsvValue } from "./csv.ts";
import { rowNote } from "./why-not-compared.ts";
import { html, type SafeHtml } from "./html.ts";
import type { Palette } from "./palette.ts";
import { IMAGE_FONT_FAMILY } from "./image-tree.ts";

/** The PNG is drawn at four times the SVG's width, sharp in print and on any screen. */
export const CHART_PNG_SCALE = 4;

function paintFor(palette: Palette): ChartPaint {
  const paints: Record<ChartRole, SafeHtml> = {
    grid: html`stroke="${palette.line}" stroke-width="1"`,
    label: html`font-weight="700"`,
    before: html`fill="${palette.muted}"`,
    same: html`fill="none" stroke="${palette.text}" stroke-width="2"`,
    "line-improved": html`stroke="${palette.tones.best.fg}" stroke-width="2.5"`,
    "line-declined": html`stroke="${palette.tones.worst.fg}" stroke-width="2.5"`,
    "head-improved": html`fill="${palette.tones.best.fg}"`,
    "head-declined": html`fill="${palette.tones.worst.fg}"`,
  };
  return (role) => paints[role];
}

/** Where the grades come from and when they are as at, for the foot of the file. */
function sourceLine(comparison: Comparison, address: string): string {
  const { current } = comparison;
  const inspectorate = current.framework.inspectorate.shortName;
  const asAt = current.published
    ? `Grades as ${inspectorate} published them on ${formatDay(current.published)}.`
    : `Grades from ${inspectorate}'s visit of ${whenText(current)}.`;
  return `${asAt} ${address}`;
}

/**
 * The chart as a file of its own, or null when the comparison has no chart (no area has a
 * grade both times on one scale).
 * @param address where the explainer is, as a reader would type it
 */
export function comparisonChartSvg(comparison: Comparison, palette: Palette, address: string): string | null {
  const drawing = arrowChartDrawing(comparison, paintFor(palette));
  if (!drawing) return null;
  const { current } = comparison;
  const heading = wrapLabel(`${current.organisation.name}: ${current.title}`, 44);
  const subtitle = 20 + heading.length * 16;
  const top = subtitle + 16;
  const notes = [...wrapLabel(drawing.caption, 62), ...wrapLabel(sourceLine(comparison, address), 62)];
  const height = top + drawing.height + 10 + notes.length * 11 + 6;
  const lines = (texts: string[], y: number, step: number) =>
    texts.map((text, index) => html`<text x="8" y="${y + index * step}">${text}</text>`);
  return html`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${drawing.width} ${height}" width="${drawing.width * 2}" height="${height * 2}">
<title>${current.organisation.name}, ${current.title}: ${drawing.title.toLowerCase()}</title>
<desc>${drawing.description}</desc>
<rect width="100%" height="100%" fill="${palette.bg}"/>
<g font-family="${IMAGE_FONT_FAMILY}, Arial, sans-serif" font-size="11" fill="${palette.text}">
<g font-size="14" font-weight="700">${lines(heading, 22, 16)}</g>
<text x="8" y="${subtitle}" fill="${palette.muted}">${drawing.title}</text>
<g transform="translate(0 ${top})">${drawing.body}</g>
<g font-size="9" fill="${palette.muted}">${lines(notes, top + drawing.height + 16, 11)}</g>
</g>
</svg>
`.toString();
}

function gradeText(outcome: Outcome | null): string {
  return outcome ? outcome.label : "No rating";
}

/** 1 for the best grade of the scale; empty for an outcome that is not a grade. */
function position(outcome: Outcome | null): number | null {
  return outcome?.kind === "grade" ? outcome.rank + 1 : null;
}

/** The comparison table's data, a row an area, with the change in words and the note. */
export function comparisonCsv(comparison: Comparison): string {
  const [before, now] = columnLabels(comparison);
  const scaleSize = comparison.current.framework.scale.grades.length;
  const previousSize = comparison.previous.framework.scale.grades.length;
  const columns = [
    "Area",
    before,
    now,
    "Change",
    "Note",
    `${before} position (1 is best, of ${previousSize})`,
    `${now} position (1 is best, of ${scaleSize})`,
  ];
  const rows = comparison.rows.map((row: ComparisonRow): Record<string, CsvValue> => {
    const merged = row.previous.length > 1;
    return {
      Area: row.area?.label ?? row.previous[0]?.area.label ?? "",
      [before]:
        row.previous.length === 0
          ? row.relation === "new"
            ? "Not judged before"
            : null
          : row.previous
              .map((part) => (merged ? `${part.area.label}: ${gradeText(part.outcome)}` : gradeText(part.outcome)))
              .join("; "),
      [now]: row.area ? gradeText(row.current) : "No longer judged",
      Change: CHANGE_TEXT[row.change].text,
      Note: rowNote(row) || null,
      [columns[5]!]: merged ? null : position(row.previous[0]?.outcome ?? null),
      [columns[6]!]: row.area ? position(row.current) : null,
    };
  });
  return toCsv(columns, rows);
}
