/**
 * Lists that lead readers to pages: organisations A to Z, and inspections grouped by year.
 */
import { formatDay } from "../model/dates.ts";
import { judgesServices } from "../model/previous.ts";
import { verdictSentence } from "../model/sentence.ts";
import { byYear } from "../model/timeline.ts";
import type { Inspection, Organisation } from "../model/types.ts";
import { inspectionYear, whenText } from "../model/when.ts";
import { gradeChip } from "./grade.ts";
import { html, type SafeHtml } from "./html.ts";
import { inspectionUrl, organisationsUrl, organisationUrl } from "./urls.ts";

export function latestGraded(organisation: Organisation): Inspection | undefined {
  return [...organisation.inspections].reverse().find(judgesServices);
}

/** The headline rating that stands after an inspection: its own grade, or one carried from earlier (with its year). */
function headlineRating(latest: Inspection): SafeHtml {
  const overall = latest.framework.areas.find((area) => area.overall);
  const rating = overall && latest.ratings?.after.ratings.get(overall.id);
  if (!overall || !rating) return html``;
  const from = rating.inspection === latest ? "" : ` (from ${inspectionYear(rating.inspection)}, not judged since)`;
  return html`. ${overall.label}: ${gradeChip(rating.outcome, rating.inspection.framework.scale)}${from}`;
}

export function organisationList(organisations: readonly Organisation[]): SafeHtml {
  return html`<ul class="card-list">${organisations.map((organisation) => {
    const latest = latestGraded(organisation);
    return html`<li class="card">
<p class="card-title"><a href="${organisationUrl(organisation)}">${organisation.name}</a></p>
<p class="card-meta">${organisation.kind}${organisation.region ? `, ${organisation.region}` : ""}</p>
${latest ? html`<p>Latest graded inspection: ${whenText(latest)}${headlineRating(latest)}</p>` : html`<p>No graded inspection yet.</p>`}
</li>`;
  })}</ul>`;
}

/**
 * The organisations of a long list (a letter, a region, a type): a line with the name and
 * one with what it is and its latest graded inspection, so that a page of 30 reads on a
 * phone without running to the height of 150 cards. `omit`: what the page is about (its
 * region's or type's name), left out of every line.
 */
export function organisationRows(organisations: readonly Organisation[], omit?: "region" | "kind"): SafeHtml {
  return html`<ul class="organisation-rows">${organisations.map((organisation) => {
    const latest = latestGraded(organisation);
    const about = [omit === "kind" ? undefined : organisation.kind, omit === "region" ? undefined : organisation.region]
      .filter(Boolean)
      .join(", ");
    const when = latest?.visit
      ? latest.visit.label
      : latest && `reported ${formatDay(latest.published ?? latest.placedOn)}`;
    return html`<li>
<a href="${organisationUrl(organisation)}">${organisation.name}</a>
<span class="card-meta">${about ? `${about}. ` : ""}${latest ? html`Latest graded inspection: ${when}${headlineRating(latest)}` : "No graded inspection yet."}</span>
</li>`;
  })}</ul>`;
}

/** How many organisations the home page lists before it links to the A to Z instead. */
export const HOME_ORGANISATIONS_LIMIT = 24;

/**
 * The home page's organisations: all of them for a small site; for a large one, how many
 * there are and the way to the A to Z. Listing 5,000 councils made a home page of 2 MB.
 */
export function homeOrganisations(organisations: readonly Organisation[], limit = HOME_ORGANISATIONS_LIMIT): SafeHtml {
  if (organisations.length <= limit) return organisationList(organisations);
  return html`<p>${organisations.length.toLocaleString("en-GB")} organisations, each with its timeline of inspections.</p>
<ul class="inline-list"><li><a href="${organisationsUrl()}">All organisations, A to Z</a></li>${
    organisations.some((organisation) => organisation.region)
      ? html`<li><a href="${organisationsUrl()}#by-region">By region</a></li>`
      : ""
  }<li><a href="${organisationsUrl()}#by-kind">By type</a></li></ul>`;
}

export function inspectionCard(inspection: Inspection, headingLevel: 3 | 4 = 3): SafeHtml {
  const heading = `h${headingLevel}`;
  return html`<li class="card">
${html`<${heading} class="card-title">`}<a href="${inspectionUrl(inspection)}">${inspection.organisation.name}: ${inspection.title}</a>${html`</${heading}>`}
<p class="card-meta">${inspection.framework.inspectorate.shortName} · ${inspection.framework.shortName} · ${inspection.kind.label} · ${whenText(inspection)}</p>
<p>${verdictSentence(inspection)}</p>
</li>`;
}

/**
 * What an inspection gave, in a few words for a row of a long list: the overall judgement
 * where its framework has one and it is graded ("overall effectiveness: good"), otherwise
 * how many areas hold each grade, best first ("1 very good, 3 good"), and any outcome that
 * is not a grade or not known. Areas shown apart (a safeguarding board's review, COVID-19)
 * and sub-judgements are left out, as the filters leave them out; an ungraded visit says so.
 */
export function gradeSummary(inspection: Inspection): string {
  if (!inspection.kind.graded) return "not graded";
  const main = inspection.judgements.filter(
    (judgement) => !judgement.area.separate && !judgement.area.parent && judgement.outcome.kind !== "not-judged",
  );
  const overall = main.find((judgement) => judgement.area.overall && judgement.outcome.kind === "grade");
  if (overall) return `${overall.area.short}: ${overall.outcome.short.toLowerCase()}`;
  const counts = new Map<string, { rank: number; count: number }>();
  for (const { outcome } of main) {
    const label = outcome.kind === "unknown" ? "not known" : outcome.short.toLowerCase();
    const rank = outcome.kind === "grade" ? outcome.rank : Number.MAX_SAFE_INTEGER;
    const entry = counts.get(label) ?? counts.set(label, { rank, count: 0 }).get(label)!;
    entry.count++;
  }
  if (counts.size === 0) return "no grade on this site";
  return [...counts]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([label, { count }]) => `${count} ${label}`)
    .join(", ");
}

/** When a row of a list says it was: the visit as precisely as it is known, or the report's day when the visit's days are not. */
function rowDay(inspection: Inspection): string {
  return inspection.visit
    ? inspection.visit.label
    : `Reported ${formatDay(inspection.published ?? inspection.placedOn)}`;
}

/**
 * A long list of inspections (a year of a list, 50 to a page), a row each: the
 * organisation (the link to the explainer), and under it the inspectorate (when the list
 * has several), the day, the kind of inspection where its framework has several, and what
 * it gave (`gradeSummary`). A card with its
 * verdict sentence stood about 290 px tall on a phone 390 px wide; a row stands about 70.
 */
export function inspectionRows(inspections: readonly Inspection[], inspectorates = false): SafeHtml {
  return html`<ul class="inspection-rows">${inspections.map((inspection) => {
    const { framework } = inspection;
    const by = inspectorates ? `${framework.inspectorate.shortName} · ` : "";
    const kind = framework.kinds.length > 1 ? ` · ${inspection.kind.label}` : "";
    return html`<li><a href="${inspectionUrl(inspection)}">${inspection.organisation.name}</a>
<span class="card-meta">${by}${rowDay(inspection)}${kind} · ${gradeSummary(inspection)}</span></li>`;
  })}</ul>`;
}

/** Newest first, under year headings (h2, or h3 under a heading of the page's own). */
export function inspectionsByYear(inspections: readonly Inspection[], level: 2 | 3 = 2): SafeHtml {
  const heading = `h${level}`;
  return html`${byYear(inspections, (inspection) => inspection.placedOn).map(
    (group) => html`<section class="year-group" aria-labelledby="year-${group.year}">
${html`<${heading} id="year-${group.year}">`}${group.year}${html`</${heading}>`}
<ul class="card-list">${group.entries.map((inspection) => inspectionCard(inspection, level === 2 ? 3 : 4))}</ul>
</section>`,
  )}`;
}
