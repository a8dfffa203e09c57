/**
 * The parts of an explainer page: verdict, judgements, what needs to improve, quotes,
 * figures, source, and the way to the inspections before and after.
 */
import { appliesTo } from "../model/applies.ts";
import { gradesInForce } from "../model/ratings.ts";
import { formatDay } from "../model/dates.ts";
import { KIND_UNKNOWN } from "../model/outcomes.ts";
import { listPhrase, verdictSentence } from "../model/sentence.ts";
import type { Inspection, Judgement, Rating } from "../model/types.ts";
import { inspectionByDate } from "../model/when.ts";
import { arrowChart } from "./charts.ts";
import { comparisonTable } from "./comparison.ts";
import { figureBlock } from "./figures.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, safeHref, type SafeHtml } from "./html.ts";
import { dataNoteSummaries } from "./data-note.ts";
import { reportLink, reportPhrase } from "./report-link.ts";
import { frameworkUrl, inspectionUrl, organisationUrl } from "./urls.ts";

export function inspectionFacts(inspection: Inspection): SafeHtml {
  const { framework } = inspection;
  return html`<dl class="facts">
<div><dt>Organisation</dt><dd><a href="${organisationUrl(inspection.organisation)}">${inspection.organisation.name}</a></dd></div>
<div><dt>Inspectorate</dt><dd>${framework.inspectorate.shortName}</dd></div>
<div><dt>Framework</dt><dd><a href="${frameworkUrl(framework)}">${framework.shortName}</a></dd></div>
<div><dt>Kind</dt><dd>${inspection.kind.id === KIND_UNKNOWN ? "Not known (a graded inspection)" : inspection.kind.label}${inspection.kind.graded ? "" : " (not graded)"}</dd></div>
<div><dt>Visit</dt><dd>${inspection.visit ? inspection.visit.label : "Dates not known: placed by the date its report was published"}</dd></div>
<div><dt>Published</dt><dd>${inspection.published ? formatDay(inspection.published) : "Not known"}</dd></div>
${inspection.leadInspector ? html`<div><dt>Lead inspector</dt><dd>${inspection.leadInspector}</dd></div>` : ""}
</dl>`;
}

/** "Good, from the March 2019 inspection": a rating that still stands, with where it came from. */
export function carriedRating(rating: Rating): SafeHtml {
  const scale = rating.inspection.framework.scale;
  const as = rating.judgedAs.id === rating.area.id ? "" : html` (judged as '${rating.judgedAs.label}')`;
  return html`${gradeChip(rating.outcome, scale, { full: true })}, from <a href="${inspectionUrl(rating.inspection)}">${inspectionByDate(rating.inspection)}</a>${as}`;
}

/** The headline judgement: this inspection's, or (not judged this time) the rating that stands. */
function verdictGrade(judgement: Judgement, inspection: Inspection): SafeHtml {
  const scale = inspection.framework.scale;
  const stands = inspection.ratings?.after.ratings.get(judgement.area.id);
  if (judgement.outcome.kind === "not-judged") {
    return html`<p class="verdict-grade">${judgement.area.label}: not judged at this inspection.${stands ? html` The rating that stands: ${carriedRating(stands)}.` : ""}</p>`;
  }
  if (judgement.outcome.kind === "unknown")
    return html`<p class="verdict-grade">${judgement.area.label}: ${gradeChip(judgement.outcome, scale)}: the grade is in the report, not on this site yet.</p>`;
  return html`<p class="verdict-grade">${judgement.area.label}: ${gradeChip(judgement.outcome, scale, { full: true })}</p>`;
}

/** The ten-second answer: the sentence, and the headline grade where there is one. */
export function verdict(inspection: Inspection): SafeHtml {
  const overall = inspection.judgements.find((judgement) => judgement.area.overall);
  return html`<section class="verdict" aria-labelledby="verdict-heading">
<h2 id="verdict-heading" class="visually-hidden">The verdict</h2>
${overall ? verdictGrade(overall, inspection) : ""}
<p class="verdict-sentence">${verdictSentence(inspection)}</p>
<p class="verdict-summary">${inspection.summary}</p>
</section>`;
}

/** What the grade means; for unknown, where to find it; for not judged, why and what stands instead. */
function judgementMeaning(judgement: Judgement, inspection: Inspection): SafeHtml {
  const { outcome } = judgement;
  if (outcome.kind === "unknown") {
    const phrase = reportPhrase(inspection);
    const report = phrase ? html` Read it in ${phrase}.` : "";
    return html`Judged at this inspection, but the grade is not on this site yet.${report}`;
  }
  if (outcome.kind !== "not-judged") return breakable(outcome.meaning);
  const stands = inspection.ratings?.after.ratings.get(judgement.area.id);
  const reason = outcome.reason ? html`${breakable(outcome.reason)} ` : "";
  if (gradesInForce(inspection)) {
    // Every grade in force is the grading's own: one here was published under another framework's area.
    // Without one, the reason (the framework's) already says the grading published none; said again only when there is no reason.
    const as = stands?.publishedAs;
    return html`${reason}${stands && as ? html`Its grade was published as '${as.area.label}' (${as.framework.shortName}): ${gradeChip(stands.outcome, as.framework.scale, { full: true })}.` : outcome.reason ? "" : "No grade in the grading published after it."}`;
  }
  return html`${reason}${stands ? html`The rating that stands: ${carriedRating(stands)}.` : "No earlier rating on this site."}`;
}

function judgementRow(judgement: Judgement, inspection: Inspection): SafeHtml {
  const { area, outcome } = judgement;
  return html`<tr${area.parent ? html` class="sub-judgement"` : ""}>
<th scope="row">${area.parent ? html`<span class="visually-hidden">Sub-judgement: </span>` : ""}${breakable(area.label)}</th>
<td>${gradeChip(outcome, inspection.framework.scale, { full: true })}</td>
<td>${judgementMeaning(judgement, inspection)}</td>
</tr>`;
}

export function judgementsTable(inspection: Inspection): SafeHtml {
  // An area that does not apply to this kind of organisation is listed only where it has a grade (src/model/applies.ts).
  const main = inspection.judgements.filter(
    (judgement) =>
      !judgement.area.separate &&
      (appliesTo(judgement.area, inspection.organisation) ||
        judgement.outcome.kind !== "not-judged" ||
        inspection.ratings?.after.ratings.has(judgement.area.id)),
  );
  // A question shown apart that this inspection did not judge, with no rating standing, says
  // nothing: the Care Inspectorate's COVID-19 question on a service inspected before the pandemic.
  // Nor does one whose outcome this site does not know: a judgement apart (the SIF's review
  // of the safeguarding board) was not part of every report, so "not known" would claim the
  // report has one when it may not.
  const apart = inspection.judgements.filter(
    (judgement) =>
      judgement.area.separate &&
      judgement.outcome.kind !== "unknown" &&
      (judgement.written ||
        judgement.outcome.kind !== "not-judged" ||
        inspection.ratings?.after.ratings.has(judgement.area.id)),
  );
  if (main.length === 0 && apart.length === 0) return html``;
  return html`<div class="table-scroll" role="region" aria-labelledby="judgements-caption" tabindex="0">
<table class="judgements">
<caption id="judgements-caption">Every area at this inspection: its grade, or why there is none, and what it means</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Grade</th><th scope="col">What the grade means</th></tr></thead>
<tbody>${main.map((judgement) => judgementRow(judgement, inspection))}</tbody>
</table>
</div>
${apart.map(
  (judgement) =>
    html`<p class="separate-judgement"><strong>Shown apart:</strong> ${judgement.area.label}${/[?:.!]$/.test(judgement.area.label) ? "" : ":"} ${gradeChip(judgement.outcome, inspection.framework.scale, { full: true })}. ${judgement.outcome.kind === "unknown" || judgement.outcome.kind === "not-judged" ? html`${judgementMeaning(judgement, inspection)} ` : ""}${judgement.area.description ?? ""}</p>`,
)}`;
}

export function comparisonSection(inspection: Inspection): SafeHtml {
  const { comparison } = inspection;
  if (!comparison) {
    const why = !inspection.kind.graded
      ? "This visit was not graded, so there is nothing to compare. It appears on the organisation's timeline."
      : inspection.previousChoice === "apart"
        ? "This report reviews only what is shown apart, not the organisation's own services: it is not compared, and their ratings stand."
        : inspection.previousChoice === "none"
          ? "The editors chose not to compare this inspection with an earlier one."
          : "There is no earlier graded inspection of this organisation by this inspectorate on this site.";
    return html`<p>${why}</p>`;
  }
  return html`<p>Compared with the ratings that stood after the <a href="${inspectionUrl(comparison.previous)}">${comparison.previous.title}</a>${comparison.previous.framework === inspection.framework ? "" : html`, made under ${comparison.previous.framework.shortName}`}${olderSources(comparison)}.</p>
${judgedAgainNote(inspection)}${comparisonTable(comparison)}
${arrowChart(comparison, `${inspection.slug}-arrows`)}`;
}

/** ", and, where it did not judge an area, the March 2019 inspection": older ratings the comparison uses. */
function olderSources(comparison: NonNullable<Inspection["comparison"]>): SafeHtml {
  // Gradings that give every grade in force: every grade before is the previous grading's own.
  if (gradesInForce(comparison.current)) return html``;
  const older = new Set<Inspection>();
  for (const row of comparison.rows)
    for (const item of row.previous)
      if (item.inspection && item.inspection !== comparison.previous) older.add(item.inspection);
  if (older.size === 0) return html``;
  const links = [...older].map((source) => html`<a href="${inspectionUrl(source)}">${inspectionByDate(source)}</a>`);
  return html`, and, for areas it did not judge, ratings from ${links.map((link, index) => html`${index === 0 ? "" : index === links.length - 1 ? " and " : ", "}${link}`)}`;
}

/**
 * Gradings that give every grade in force (src/model/ratings.ts): which grades changed
 * after this inspection (re-graded, or first published), which were the same as before,
 * and which are no longer published. Nothing is said of what inspectors looked at.
 */
function publishedNote(inspection: Inspection): SafeHtml {
  const after = inspection.ratings?.after;
  if (!after) return html``;
  const ratings = [...after.ratings.values(), ...after.beside].filter((rating) => !rating.area.separate);
  const names = (list: Rating[]) => listPhrase(list.map((rating) => rating.area.short));
  const changed = ratings.filter((rating) => rating.inspection === inspection);
  const same = ratings.filter((rating) => rating.inspection !== inspection);
  const gone = inspection.judgements.filter(
    (judgement) =>
      !judgement.area.separate &&
      judgement.outcome.kind === "not-judged" &&
      inspection.ratings?.before.ratings.has(judgement.area.id) &&
      !after.ratings.has(judgement.area.id),
  );
  const parts = [
    changed.length ? `Re-graded or first published after this inspection: ${names(changed)}.` : "",
    same.length
      ? `The grade published after it was the same as before for ${names(same)}: the data cannot tell whether inspectors looked at ${same.length === 1 ? "it" : "them"} again.`
      : "",
    gone.length
      ? `No longer among the published grades: ${listPhrase(gone.map((judgement) => judgement.area.short))}.`
      : "",
  ].filter(Boolean);
  return parts.length
    ? html`<p class="comparison-note">${parts.join(" ")}</p>
`
    : html``;
}

/** Which areas this inspection judged again, when it did not judge them all. */
function judgedAgainNote(inspection: Inspection): SafeHtml {
  if (gradesInForce(inspection)) return publishedNote(inspection);
  const areas = inspection.judgements.filter((judgement) => !judgement.area.separate);
  const judged = areas.filter((judgement) => judgement.outcome.kind !== "not-judged");
  if (judged.length === areas.length) return html``;
  const names = (list: Judgement[]) => listPhrase(list.map((judgement) => judgement.area.short));
  const notJudged = areas.filter((judgement) => judgement.outcome.kind === "not-judged");
  const stand = notJudged.every((judgement) => inspection.ratings?.after.ratings.has(judgement.area.id))
    ? `${notJudged.length === 1 ? "its" : "their"} earlier ${notJudged.length === 1 ? "rating still stands" : "ratings still stand"}`
    : "an earlier rating still stands where there was one";
  return html`<p class="comparison-note">Judged again at this inspection: ${judged.length ? names(judged) : "no area"}. Not judged this time: ${names(notJudged)}; ${stand}.</p>
`;
}

/** What the report says must improve, as the editor wrote it; nothing when they wrote nothing (it may list some). */
export function improvementsList(inspection: Inspection): SafeHtml {
  if (inspection.improvements.length === 0) return html``;
  return html`<ul class="improvements">${inspection.improvements.map((item) => html`<li>${item}</li>`)}</ul>`;
}

export function quotesList(inspection: Inspection): SafeHtml {
  return html`${inspection.quotes.map(
    (quote) => html`<figure class="quote">
<blockquote><p>${quote.text}</p></blockquote>
<figcaption>${quote.by}${quote.role ? html`, ${quote.role}` : ""}${
      quote.source
        ? html` (${quote.source.url ? html`<a href="${safeHref(quote.source.url)}">${quote.source.name}</a>` : quote.source.name})`
        : ""
    }</figcaption>
</figure>`,
  )}`;
}

export function figuresList(inspection: Inspection): SafeHtml {
  return html`${inspection.figures.map((figure, index) => figureBlock(figure, `${inspection.slug}-figure-${index + 1}`))}`;
}

export function sourceBlock(inspection: Inspection): SafeHtml {
  const link = reportLink(inspection);
  const { inspectorate } = inspection.framework;
  const published = inspection.published ? ` (published ${formatDay(inspection.published)})` : "";
  return html`<p>${
    !link
      ? "No report is linked for this visit."
      : link.own
        ? html`Read the <a href="${safeHref(link.href)}">full ${inspectorate.shortName} report</a>${published}.`
        : html`The ${inspectorate.shortName} report${published} is listed on <a href="${safeHref(link.href)}">the inspectorate's page for ${inspection.organisation.name}</a>.`
  }</p>
${dataNoteSummaries([inspectorate], () => frameworkUrl(inspection.framework))}
${inspection.draft ? html`<p class="draft-note">This page was imported from ${inspection.draft.source} and has not yet been checked by an editor.</p>` : ""}`;
}

/** The inspections before and after this one, of the same organisation, whatever their kind. */
export function neighbours(inspection: Inspection): SafeHtml {
  const list = inspection.organisation.inspections;
  const index = list.indexOf(inspection);
  const before = list[index - 1];
  const after = list[index + 1];
  if (!before && !after) return html``;
  return html`<nav class="pager" aria-label="Other inspections of ${inspection.organisation.name}">
${before ? html`<a rel="prev" href="${inspectionUrl(before)}"><span class="pager-label">Earlier</span> ${before.title}</a>` : ""}
${after ? html`<a rel="next" href="${inspectionUrl(after)}"><span class="pager-label">Later</span> ${after.title}</a>` : ""}
</nav>`;
}
