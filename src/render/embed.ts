/**
 * The embed page of an inspection (/embed/<organisation>/<inspection>/): the comparison
 * alone, for another site to show in a frame. The sentence, the table, the chart, the
 * dates the grades are as at, a later inspection where there is one, and links to the
 * explainer and the inspectorate's report. No script, no header or navigation: a small
 * page that reads from 280 pixels wide, with its own small stylesheet (stylesheets.ts).
 *
 * Links open in a new tab (`target="_blank"`): the site's other pages refuse to be framed,
 * and a reader following a link should not leave the article they were reading.
 * The page is kept out of search engines (noindex): the explainer is the page to find.
 * docs/publishing.md, "For newsrooms".
 */
import type { SiteSettings } from "../model/site-settings.ts";
import { formatDay } from "../model/dates.ts";
import { whenText } from "../model/when.ts";
import { verdictSentence } from "../model/sentence.ts";
import type { Inspection } from "../model/types.ts";
import { arrowChart } from "./charts.ts";
import { comparisonTable } from "./comparison.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, safeHref, type SafeHtml } from "./html.ts";
import { reportLink } from "./report-link.ts";
import { NOINDEX } from "./sitemap.ts";
import { embedStylesheetUrl, homeUrl, iconUrl, inspectionUrl } from "./urls.ts";

/** The grades of an inspection with nothing to compare with: its first graded one on the site. */
function gradesTable(inspection: Inspection): SafeHtml {
  const scale = inspection.framework.scale;
  const judgements = inspection.judgements.filter((judgement) => !judgement.area.separate);
  if (judgements.length === 0) return html``;
  return html`<table>
<caption>Grades at this inspection</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Grade</th></tr></thead>
<tbody>${judgements.map(
    (judgement) =>
      html`<tr><th scope="row">${breakable(judgement.area.label)}</th><td>${gradeChip(judgement.outcome, scale, { meter: false })}</td></tr>`,
  )}</tbody>
</table>`;
}

/** When the grades are as at, and what they are compared with. */
function asAt(inspection: Inspection): SafeHtml {
  const inspectorate = inspection.framework.inspectorate.shortName;
  const when = inspection.published
    ? `${inspection.kind.graded ? "Grades as" : "As"} ${inspectorate} published them on ${formatDay(inspection.published)}, ${inspection.visit ? `after a visit of ${inspection.visit.label}` : "after a visit whose dates are not known"}.`
    : `Visit of ${whenText(inspection)}.`;
  const previous = inspection.comparison?.previous;
  const compared = previous
    ? ` Compared with the ${previous.title}${previous.published ? `, published ${formatDay(previous.published)}` : ""}.`
    : "";
  return html`<p class="as-at">${when}${compared}</p>`;
}

/** A later inspection of the same organisation by the same inspectorate, if the site has one. */
function laterNote(inspection: Inspection): SafeHtml {
  const later = inspection.organisation.inspections
    .slice(inspection.organisation.inspections.indexOf(inspection) + 1)
    .filter((other) => other.framework.inspectorate === inspection.framework.inspectorate);
  const latest = later[later.length - 1];
  if (!latest) return html``;
  return html`<p class="later"><strong>Not the latest:</strong> ${inspection.framework.inspectorate.shortName} has inspected ${inspection.organisation.name} since. See the <a href="${inspectionUrl(latest)}" target="_blank">${latest.title}</a>.</p>`;
}

function body(inspection: Inspection): SafeHtml {
  const { comparison } = inspection;
  if (!comparison) return inspection.kind.graded ? gradesTable(inspection) : html`<p>${inspection.summary}</p>`;
  return html`${comparisonTable(comparison, { meters: false })}
${arrowChart(comparison, "embed-arrows")}`;
}

export function embedPage(inspection: Inspection, site: Pick<SiteSettings, "title" | "language">): string {
  const { organisation } = inspection;
  const link = reportLink(inspection);
  const report = link
    ? html` · <a href="${safeHref(link.href)}" target="_blank">${inspection.framework.inspectorate.shortName}'s ${link.own ? "report" : "reports"}</a>`
    : "";
  return html`<!DOCTYPE html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${organisation.name}: ${inspection.title} – ${site.title}</title>
${NOINDEX}
<link rel="icon" href="${iconUrl()}" type="image/svg+xml">
<link rel="stylesheet" href="${embedStylesheetUrl()}">
</head>
<body>
<main>
<p class="organisation">${organisation.name}</p>
<h1>${inspection.title}</h1>
<p class="sentence">${verdictSentence(inspection)}</p>
${body(inspection)}
${asAt(inspection)}
${laterNote(inspection)}<p><a href="${inspectionUrl(inspection)}" target="_blank">What changed, and why: the full explainer</a>${report}</p>
<p class="source">From <a href="${homeUrl()}" target="_blank">${site.title}</a>. Links open in a new tab.</p>
</main>
</body>
</html>
`.toString();
}
