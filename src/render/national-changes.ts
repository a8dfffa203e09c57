/**
 * How the national picture changed across the dates it is drawn as at: for each
 * inspectorate's line of frameworks and each area, one stacked bar per date (the share of
 * organisations at each rating, best on the left) with the share good or better written
 * at its end, and a table of the same counts beside it.
 */
import { formatDay } from "../model/dates.ts";
import type { AreaDistribution, LineagePicture, NationalPicture } from "../model/national.ts";
import { NO_GRADE_REASONS, areaBase } from "../model/national.ts";
import { countingRule } from "../model/national-dates.ts";
import type { Area, Scale } from "../model/types.ts";
import { CHART_WIDTH, chartSvg } from "./charts.ts";
import { gradeTone } from "./grade.ts";
import { breakable, html, type SafeHtml } from "./html.ts";
import { countOf, MIN_PERCENT_BASE, percentOf } from "./share.ts";
import { nationalCsvUrl, nationalDateUrl } from "./urls.ts";

interface AreaSeries {
  area: Area;
  scale: Scale;
  points: { asAt: string; distribution: AreaDistribution; total: number }[];
}

interface LineSeries {
  title: string;
  key: string;
  areas: AreaSeries[];
}

/** Each line of frameworks across the pictures, and each area it had on any date, in the latest framework's order first. */
export function changeSeries(pictures: readonly NationalPicture[]): LineSeries[] {
  const lines = new Map<string, LineSeries & { byArea: Map<string, AreaSeries> }>();
  for (const picture of [...pictures].reverse()) {
    for (const lineage of picture.lineages) {
      const key = `${lineage.inspectorate.id}-${lineage.framework.lineage}`;
      const line = lines.get(key) ?? { title: lineage.inspectorate.shortName, key, areas: [], byArea: new Map() };
      lines.set(key, line);
      for (const distribution of lineage.distributions) addPoint(line, lineage, picture, distribution);
    }
  }
  // The headline judgement first, whichever framework it was last judged under.
  const headlineFirst = (a: AreaSeries, b: AreaSeries) => Number(b.area.overall) - Number(a.area.overall);
  return [...lines.values()].map(({ title, key, areas }) => ({
    title,
    key,
    areas: [...areas].sort(headlineFirst).map((series) => ({ ...series, points: [...series.points].reverse() })),
  }));
}

function addPoint(
  line: LineSeries & { byArea: Map<string, AreaSeries> },
  lineage: LineagePicture,
  picture: NationalPicture,
  distribution: AreaDistribution,
): void {
  let series = line.byArea.get(distribution.area.id);
  if (!series) {
    series = { area: distribution.area, scale: lineage.framework.scale, points: [] };
    line.byArea.set(distribution.area.id, series);
    line.areas.push(series);
  }
  // A scale change within a line: only the pictures on the latest scale share an axis.
  if (lineage.framework.scale !== series.scale) return;
  // Of the organisations the area applies to: those of other kinds with no grade in it are left out.
  series.points.push({ asAt: picture.asAt, distribution, total: areaBase(distribution, lineage.latest.length) });
}

const shortDay = (day: string) => formatDay(day).replace(/ (\w{3})\w* /, " $1 ");

/** At the end of a bar: the percentage, or the count and its base when there are too few for one. */
function goodOrBetterMark(distribution: AreaDistribution): string {
  const share = distribution.goodOrBetter;
  if (!share || share.of === 0) return "–";
  return percentOf(share.count, share.of) ?? `${share.count}/${share.of}`;
}

/** "91 of 150 graded (61%)", "3 of 8 graded". */
function goodOrBetterText(distribution: AreaDistribution): string {
  const share = distribution.goodOrBetter;
  return share && share.of > 0 ? countOf(share.count, share.of, "graded") : "none graded";
}

function changeChart(series: AreaSeries, id: string): SafeHtml {
  const labelWidth = 78;
  const rightWidth = 38;
  const rowHeight = 22;
  const barWidth = CHART_WIDTH - labelWidth - rightWidth;
  const bars = series.points.map((point, index) => {
    const y = index * rowHeight;
    let x = labelWidth;
    const segments = [
      ...point.distribution.grades.map((item) => ({
        count: item.organisations.length,
        tone: gradeTone(item.grade, series.scale),
      })),
      { count: point.distribution.noGrade.unknown.length, tone: "unknown" },
      {
        count:
          point.total -
          point.distribution.grades.reduce((sum, item) => sum + item.organisations.length, 0) -
          point.distribution.noGrade.unknown.length,
        tone: "state",
      },
    ].map(({ count, tone }) => {
      const width = (barWidth * count) / Math.max(1, point.total);
      const rect = html`<rect class="bar bar-${tone}" x="${x.toFixed(1)}" y="${y + 3}" width="${width.toFixed(1)}" height="${rowHeight - 6}"/>`;
      x += width;
      return rect;
    });
    return html`<text x="${labelWidth - 6}" y="${y + rowHeight / 2}" text-anchor="end" dominant-baseline="middle">${shortDay(point.asAt)}</text>${segments}<text x="${CHART_WIDTH - 2}" y="${y + rowHeight / 2}" text-anchor="end" dominant-baseline="middle">${goodOrBetterMark(point.distribution)}</text>`;
  });
  const description = series.points
    .map((point) => `${formatDay(point.asAt)}: good or better, ${goodOrBetterText(point.distribution)}`)
    .join("; ");
  return chartSvg(
    id,
    series.points.length * rowHeight,
    `${series.area.label}: ratings in force at each date`,
    `Each bar is all organisations counted on that date (of those the area applies to), split by rating, best on the left, then not known, then no grade; the figure at the end is the share good or better of those graded (the count and its base where fewer than ${MIN_PERCENT_BASE} are graded). ${description}.`,
    html`${bars}`,
  );
}

function changeTable(series: AreaSeries, id: string): SafeHtml {
  const reasons = NO_GRADE_REASONS.filter(
    (reason) =>
      reason !== "does-not-apply" && series.points.some((point) => point.distribution.noGrade[reason].length > 0),
  );
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}-table" tabindex="0">
<table class="changes">
<caption class="visually-hidden" id="${id}-table">${series.area.label}: organisations by rating in force, at each date</caption>
<thead><tr><th scope="col">As at</th>${series.scale.grades.map((grade) => html`<th scope="col">${breakable(grade.short)}</th>`)}${reasons.map((reason) => html`<th scope="col">${reason === "unknown" ? "Not known" : "No grade"}${reason === "unknown" ? "" : html`<span class="row-note"> (${reason.replace(/-/g, " ")})</span>`}</th>`)}<th scope="col">Good or better, of those graded</th></tr></thead>
<tbody>${series.points.map(
    (point) =>
      html`<tr><th scope="row" class="nowrap"><a href="${nationalDateUrl(point.asAt)}">${shortDay(point.asAt)}</a></th>${point.distribution.grades.map((item) => html`<td>${item.organisations.length}</td>`)}${reasons.map((reason) => html`<td>${point.distribution.noGrade[reason].length}</td>`)}<td>${goodOrBetterText(point.distribution)}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

/** The page's content: the rule, then each line of frameworks and each of its areas. */
export function nationalChanges(pictures: readonly NationalPicture[]): SafeHtml {
  if (pictures.length === 0) return html`<p>There are no graded inspections yet.</p>`;
  return html`<p class="lede">The rating in force in each area, counted as at each date from ${formatDay(pictures[0]!.asAt)} to ${formatDay(pictures[pictures.length - 1]!.asAt)}.</p>
<p class="counting-rule"><strong>Which inspections count:</strong> ${countingRule(pictures[0]!.countBy)}</p>
<p>Areas are those of the framework in force on each date, and those it no longer judges, with the grades from before it (an organisation inspected since under the new framework is counted apart). All the figures as one file: <a href="${nationalCsvUrl()}">national.csv</a>.</p>
${changeSeries(pictures).map(
  (line) => html`<section aria-labelledby="${line.key}-changes">
<h2 id="${line.key}-changes">${line.title}</h2>
<div class="changes-list">${line.areas.map(
    (series, index) => html`<figure class="chart-figure">
<figcaption>${series.area.label}</figcaption>
${changeChart(series, `${line.key}-changes-${index}`)}
${changeTable(series, `${line.key}-changes-${index}`)}
</figure>`,
  )}</div>
</section>`,
)}`;
}
