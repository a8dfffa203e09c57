/**
 * Server-rendered SVG charts. Each has a title and a description, and sits beside a table
 * holding the same data; none needs a script. Grades are positions on their own scale,
 * so a chart never puts two scales on one axis.
 */
import { dateLabels, inspectionYear } from "../model/when.ts";
import type { Trajectory, TrajectoryPoint } from "../model/trajectory.ts";
import type { Area, Comparison, ComparisonRow, Grade, Scale } from "../model/types.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, type SafeHtml } from "./html.ts";
import { inspectionUrl } from "./urls.ts";

/** Every chart is this wide: a phone's width, so none needs scrolling. */
export const CHART_WIDTH = 320;
const WIDTH = CHART_WIDTH;

/**
 * Splits a label into at most `most` lines of at most `max` characters, at spaces. SVG
 * text does not wrap, so a word too long for a line, or a label too long for the lines,
 * is cut short with "…": the table beside every chart gives it whole.
 */
export function wrapLabel(text: string, max: number, most = 3): string[] {
  const cut = (line: string) => `${line.slice(0, max - 1)}…`;
  const lines: string[] = [];
  for (const word of text.split(" ").filter((part) => part !== "")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word.length > max ? cut(word) : word);
  }
  if (lines.length <= most) return lines;
  const last = lines[most - 1]!;
  return [...lines.slice(0, most - 1), last.length < max ? `${last}…` : cut(last)];
}

/**
 * A grade's label under the arrow chart, in lines that fit the grade's column: `max`
 * characters, or one more for a single word; a longer word is split with a hyphen
 * ("Unsatis-", "factory"), so six grades' labels neither run into each other nor past the edge.
 */
export function axisLabel(text: string, max: number): string[] {
  const words = text
    .split(" ")
    .filter((word) => word !== "")
    .flatMap((word) => (word.length > max + 1 ? [`${word.slice(0, max - 1)}-`, word.slice(max - 1)] : [word]));
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && !last.endsWith("-") && `${last} ${word}`.length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length <= 3 ? lines : wrapLabel(text, max);
}

/** A coordinate as short as it can be written: 286.7 rather than 286.66666666666663, 236 rather than 236.0. */
const short = (value: number): number => Number(value.toFixed(1));

/** Centred lines of SVG text, 11 units apart. */
export function textLines(lines: string[], x: number, y: number, anchor: "start" | "middle" | "end"): SafeHtml {
  const first = y - ((lines.length - 1) * 11) / 2;
  return html`${lines.map(
    (line, index) =>
      html`<text x="${x}" y="${short(first + index * 11)}" text-anchor="${anchor}" dominant-baseline="middle">${line}</text>`,
  )}`;
}

/** A chart: an SVG image the full width of a phone, with its title and a description of what it shows. */
export function chartSvg(id: string, height: number, title: string, description: string, body: SafeHtml): SafeHtml {
  return html`<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${description}</desc>
${body}
</svg>`;
}

const ROW_HEIGHT = 40;
const AXIS_HEIGHT = 30;
const arrowChartHeight = (rows: number): number => rows * ROW_HEIGHT + AXIS_HEIGHT;

/** The areas the arrow chart draws: one grade set against one grade, on one scale. */
function arrowChartRows(comparison: Comparison): ComparisonRow[] {
  return comparison.rows.filter((row) => row.change !== "no-arrow" && row.area && row.current?.kind === "grade");
}

/** The arrow chart's height, without drawing it; null when the comparison has no chart. */
export function arrowChartSize(comparison: Comparison): number | null {
  const rows = arrowChartRows(comparison).length;
  return rows === 0 ? null : arrowChartHeight(rows);
}

/** What each mark of the arrow chart is: the page styles them with classes, a file paints them itself. */
export type ChartRole =
  "grid" | "label" | "before" | "same" | "line-improved" | "line-declined" | "head-improved" | "head-declined";
export type ChartPaint = (role: ChartRole) => SafeHtml;

const CHART_CLASSES: Record<ChartRole, string> = {
  grid: "chart-grid",
  label: "chart-label",
  before: "chart-before",
  same: "chart-same",
  "line-improved": "chart-arrow chart-improved",
  "line-declined": "chart-arrow chart-declined",
  "head-improved": "chart-improved",
  "head-declined": "chart-declined",
};

/** The page's paint: the stylesheet's classes, which follow light and dark mode. */
export const classPaint: ChartPaint = (role) => html`class="${CHART_CLASSES[role]}"`;

/** The arrow chart without its frame: what the page and the downloadable file both draw. */
export interface ArrowChartDrawing {
  width: number;
  height: number;
  title: string;
  description: string;
  /** How to read it, as the page's figure caption says it. */
  caption: string;
  body: SafeHtml;
}

/**
 * Before and after, area by area: a dot where the grade was, an arrow to where it is, on
 * one track per area running from the worst grade (left) to the best (right). Null when
 * no row has a grade to place both times.
 */
export function arrowChartDrawing(comparison: Comparison, paint: ChartPaint = classPaint): ArrowChartDrawing | null {
  const scale = comparison.current.framework.scale;
  const rows = arrowChartRows(comparison);
  if (rows.length === 0) return null;
  const grades = scale.grades.length;
  const left = 8;
  const step = (WIDTH - 2 * left) / grades;
  const x = (grade: Grade) => left + (grades - 1 - grade.rank + 0.5) * step;
  // About 6 units a character at the charts' 11 px: 12 for four grades, 8 for six.
  const perLine = Math.min(12, Math.floor(step / 6.2));
  // The grid as one path of a line per grade: the same drawing as a `<line>` each, in a third of the bytes.
  const grid = html`<path ${paint("grid")} d="${scale.grades.map((grade) => `M${short(x(grade))} 0V${rows.length * ROW_HEIGHT}`).join("")}"/>`;
  const labels = scale.grades.map((grade) =>
    textLines(axisLabel(grade.short, perLine), short(x(grade)), rows.length * ROW_HEIGHT + AXIS_HEIGHT / 2, "middle"),
  );
  const descriptions: string[] = [];
  const tracks = rows.map((row, index) => {
    const top = index * ROW_HEIGHT;
    const now = row.current as Grade;
    const before = scale.grades.find((grade) => grade.id === row.previous[0]?.outcome?.id) ?? now;
    descriptions.push(
      `${row.area!.short}: ${before === now ? `${now.short}, unchanged` : `${before.short} to ${now.short}`}`,
    );
    const y = top + 27;
    const direction = x(now) > x(before) ? 1 : -1;
    const change = row.change as "improved" | "declined";
    const [was, to] = [short(x(before)), short(x(now))];
    const mark =
      before === now
        ? html`<circle ${paint("same")} cx="${to}" cy="${y}" r="6"/>`
        : html`<circle ${paint("before")} cx="${was}" cy="${y}" r="4"/><line ${paint(`line-${change}`)} x1="${short(x(before) + direction * 6)}" x2="${short(x(now) - direction * 9)}" y1="${y}" y2="${y}"/><path ${paint(`head-${change}`)} d="M${to} ${y} l${-direction * 10} -5 v10 z"/>`;
    const source = row.previous[0]?.inspection;
    const from = source && source !== comparison.previous ? ` (from ${inspectionYear(source)})` : "";
    return html`<text ${paint("label")} x="${left}" y="${top + 10}">${row.area!.short}${from}</text>${mark}`;
  });
  const [previousYear, currentYear] = [inspectionYear(comparison.previous), inspectionYear(comparison.current)];
  return {
    width: WIDTH,
    height: arrowChartHeight(rows.length),
    title: `Grades in ${previousYear} and ${currentYear}, area by area`,
    description: `Best grade on the right. ${descriptions.join("; ")}.`,
    caption: `Each line runs from the ${previousYear} grade (small dot) to the ${currentYear} grade (arrow head); a ring means no change. The best grade is on the right.`,
    body: html`${grid}${labels}${tracks}`,
  };
}

export function arrowChart(comparison: Comparison, id: string): SafeHtml {
  const drawing = arrowChartDrawing(comparison);
  if (!drawing) return html``;
  return html`<figure class="chart-figure">
${chartSvg(id, drawing.height, drawing.title, drawing.description, drawing.body)}
<figcaption>${drawing.caption} The table above holds the same grades.</figcaption>
</figure>`;
}

/** The least distance between two years on a trajectory chart's axis: a year is about 25 units wide at 11 px. */
export const YEAR_GAP = 32;

/**
 * The years a trajectory chart's axis prints, each under the first inspection of its year
 * that has room: the first and the last inspection's always, then from the left every new
 * year at least `gap` from the years kept, so that labels never run together however many
 * inspections are drawn (22 years of a care service's gradings on a phone's width).
 * `xs`: each inspection's position, left to right; `years`: its year.
 */
export function axisYears(
  xs: readonly number[],
  years: readonly number[],
  gap = YEAR_GAP,
): { x: number; year: number }[] {
  const points = xs.map((x, index) => ({ x, year: years[index]! }));
  if (points.length === 0) return [];
  const last = points[points.length - 1]!;
  const kept = [points[0]!];
  for (const point of points.slice(1, -1)) {
    const previous = kept[kept.length - 1]!;
    if (point.year !== previous.year && point.x - previous.x >= gap && last.x - point.x >= gap) kept.push(point);
  }
  const previous = kept[kept.length - 1]!;
  if (last.year !== previous.year && last.x - previous.x >= gap) kept.push(last);
  return kept;
}

/** A dot's radius on a trajectory chart: 4.5 units, smaller where inspections are close, so that dots do not merge. */
export function dotRadius(xs: readonly number[]): number {
  const closest = xs.slice(1).reduce((least, x, index) => Math.min(least, x - xs[index]!), Infinity);
  return Math.max(2, Math.min(4.5, (closest - 1) / 2));
}

/** Where a trajectory chart puts things: an inspection's date across, a grade down. */
interface StepLayout {
  height: number;
  x(time: number): number;
  y(grade: Grade): number;
  /** A judged inspection's dot. */
  radius: number;
  /** Grid lines with the grades, and the years: the same on every area's chart. */
  axes: SafeHtml;
}

function stepLayout(trajectory: Trajectory, times: readonly number[]): StepLayout {
  const labelWidth = 92;
  const right = 14;
  const rowHeight = 22;
  const height = trajectory.scale.grades.length * rowHeight + 24;
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = (time: number) =>
    first === last
      ? (labelWidth + WIDTH - right) / 2
      : labelWidth + ((time - first) / (last - first)) * (WIDTH - right - labelWidth);
  const y = (grade: Grade) => grade.rank * rowHeight + rowHeight / 2;
  const grid = html`<path class="chart-grid" d="${trajectory.scale.grades.map((grade) => `M${labelWidth} ${y(grade)}H${WIDTH - right / 2}`).join("")}"/>`;
  const labels = trajectory.scale.grades.map((grade) =>
    textLines(wrapLabel(grade.short, 14), labelWidth - 6, y(grade), "end"),
  );
  const xs = times.map(x);
  const years = axisYears(xs, trajectory.inspections.map(inspectionYear)).map(
    (label) =>
      html`<text class="chart-year" x="${label.x.toFixed(1)}" y="${height - 6}" text-anchor="middle">${label.year}</text>`,
  );
  return { height, x, y, radius: dotRadius(xs), axes: html`${grid}${labels}${years}` };
}

/** A point in words: "good", "good, carried from 2019 (not judged)", "not known", "no rating". */
function pointText(point: TrajectoryPoint): string {
  const outcome = point.outcome ? point.outcome.short.toLowerCase() : "no rating";
  const as = point.judgedAs ? ` (as '${point.judgedAs.short}')` : "";
  return point.from ? `not judged; ${outcome} stands from ${inspectionYear(point.from)}${as}` : `${outcome}${as}`;
}

/**
 * One area's steps from grade to grade, and a dot where each was judged. `axes`: the grid,
 * the grades and the years, the same on every area's chart of a trajectory: drawn in the
 * first and used by the others (`trajectoryCharts`).
 */
function stepChart(
  area: Trajectory["areas"][number],
  layout: StepLayout,
  times: readonly number[],
  when: readonly string[],
  id: string,
  axes: SafeHtml,
): SafeHtml {
  const { x, y } = layout;
  const segments: string[] = [];
  const dots: string[] = [];
  area.points.forEach((point, index) => {
    if (point.outcome?.kind !== "grade") return;
    const px = x(times[index]!);
    const py = y(point.outcome);
    // A dot where the area was judged; a carried rating only continues the line.
    // Each dot a line of no length with round ends, as wide as the dot: one path for them all,
    // where a <circle> each was four times the bytes (docs/performance.md, "Page weight").
    if (point.judged) dots.push(`M${px.toFixed(1)} ${py}h0`);
    const next = area.points[index + 1];
    if (next?.outcome?.kind === "grade")
      segments.push(`M${px.toFixed(1)} ${py} H${x(times[index + 1]!).toFixed(1)} V${y(next.outcome)}`);
  });
  const description = area.points.map((point, index) => `${when[index]}: ${pointText(point)}`).join("; ");
  return html`<figure class="chart-figure">
<figcaption>${area.area.label}</figcaption>
${chartSvg(id, layout.height, `${area.area.label}: grades over time`, `${description}.`, html`${axes}<path class="chart-step" d="${segments.join(" ")}"/>${dots.length ? html`<path class="chart-point" d="${dots.join("")}" stroke-width="${Number((layout.radius * 2).toFixed(1))}"/>` : ""}`)}
</figure>`;
}

/** One small step chart per area: the grade at each inspection, best at the top. */
export function trajectoryCharts(trajectory: Trajectory, id: string): SafeHtml {
  const { scale, inspections } = trajectory;
  if (inspections.length === 0) return html``;
  const times = inspections.map((inspection) => Date.parse(inspection.placedOn));
  const layout = stepLayout(trajectory, times);
  const when = dateLabels(inspections);
  // The axes are drawn once, in the first chart, and used by the others: about 1 KB a chart on a six-point scale.
  const axes = (index: number) =>
    index === 0 ? html`<g id="${id}-axes">${layout.axes}</g>` : html`<use href="#${id}-axes"/>`;
  const charts = trajectory.areas.map((area, index) =>
    stepChart(area, layout, times, when, `${id}-${index}`, axes(index)),
  );
  return html`<div class="chart-grid-list">${charts}</div>
${trajectoryTable(trajectory, when, id)}
${
  trajectory.otherScale.length
    ? html`<p class="muted">Not on these charts: ${trajectory.otherScale.map((inspection) => `${inspection.title}`).join(", ")}, graded on the ${trajectory.otherScale[0]!.framework.scale.name}, which cannot be set against the ${scale.name}.</p>`
    : ""
}`;
}

/** Past this many inspections the table is folded away under its caption: the charts and their descriptions hold the same. */
export const TABLE_OPEN_UP_TO = 10;

/**
 * The charts' grades as a table: a row per inspection (named by its date, linked to its
 * page) and a column per area, so that 40 inspections make a long table rather than a wide
 * one. On a small screen each row is a block of its areas, each cell labelled (site.css).
 * Its chips have no meter: the label says the grade, and the charts above draw where it
 * sits on the scale (a meter a cell was most of the table's bytes: docs/performance.md).
 */
function trajectoryTable(trajectory: Trajectory, when: readonly string[], id: string): SafeHtml {
  const scale: Scale = trajectory.scale;
  const cell = (point: TrajectoryPoint, area: Area) =>
    html`<td data-label="${area.short}">${point.outcome ? gradeChip(point.outcome, scale, { meter: false }) : html`<span class="muted">No rating</span>`}${point.judgedAs ? html`<span class="row-note"> as '${point.judgedAs.short}'</span>` : ""}${point.from ? html`<span class="row-note"> not judged; stands from ${inspectionYear(point.from)}</span>` : ""}</td>`;
  const table = html`<div class="table-scroll" role="region" aria-labelledby="${id}-table" tabindex="0">
<table class="trajectory-table">
<caption id="${id}-table">The same grades as a table</caption>
<thead><tr><th scope="col">Inspection</th>${trajectory.areas.map(({ area }) => html`<th scope="col">${breakable(area.short)}</th>`)}</tr></thead>
<tbody>${trajectory.inspections.map(
    (inspection, index) =>
      html`<tr><th scope="row"><a href="${inspectionUrl(inspection)}">${when[index]}</a></th>${trajectory.areas.map(({ area, points }) => cell(points[index]!, area))}</tr>`,
  )}</tbody>
</table>
</div>`;
  if (trajectory.inspections.length <= TABLE_OPEN_UP_TO) return table;
  return html`<details class="table-details">
<summary>The same grades as a table (${trajectory.inspections.length} inspections)</summary>
${table}
</details>`;
}
