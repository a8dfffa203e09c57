/**
 * An organisation's timeline as an ordered list under year headings: plain HTML that
 * reads in order with a screen reader and needs no script.
 */
import { judgesServices } from "../model/previous.ts";
import { verdictSentence } from "../model/sentence.ts";
import { byYear } from "../model/timeline.ts";
import { trajectories, type Trajectory } from "../model/trajectory.ts";
import type { Inspection, Organisation, TimelineEntry } from "../model/types.ts";
import { inspectionYear } from "../model/when.ts";
import { trajectoryCharts } from "./charts.ts";
import { html, safeHref, type SafeHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { inspectionUrl } from "./urls.ts";

function entryItem(entry: TimelineEntry, current?: Inspection): SafeHtml {
  if (entry.type === "event") {
    const { event } = entry;
    return html`<li class="timeline-entry timeline-event">
<p class="timeline-date">${event.period.label}</p>
<p class="timeline-title"><span class="timeline-type">Context</span> ${event.title}</p>
${event.bodyMarkdown.trim() ? html`<div class="timeline-body">${renderMarkdown(event.bodyMarkdown)}</div>` : ""}
${event.source ? html`<p class="timeline-source">Source: ${event.source.url ? html`<a href="${safeHref(event.source.url)}">${event.source.name}</a>` : event.source.name}</p>` : ""}
</li>`;
  }
  const { inspection } = entry;
  const type = !inspection.kind.graded
    ? "Visit, not graded"
    : judgesServices(inspection)
      ? "Inspection"
      : "Review, not of the services";
  const isCurrent = inspection === current;
  return html`<li class="timeline-entry timeline-${inspection.kind.graded ? "inspection" : "visit"}${isCurrent ? " timeline-current" : ""}">
<p class="timeline-date">${entry.period.label}</p>
<p class="timeline-title"><span class="timeline-type">${type}</span> ${
    isCurrent
      ? html`<span aria-current="page">${inspection.title} (this page)</span>`
      : html`<a href="${inspectionUrl(inspection)}">${inspection.title}</a>`
  }</p>
<p class="timeline-body">${verdictSentence(inspection)}</p>
</li>`;
}

export function timeline(entries: readonly TimelineEntry[], headingLevel: 2 | 3 = 3, current?: Inspection): SafeHtml {
  const heading = `h${headingLevel}`;
  return html`<ol class="timeline">
${byYear(entries, (entry) => entry.period.start).map(
  (year) => html`<li class="timeline-year">
${html`<${heading} class="timeline-year-heading">`}${year.year}${html`</${heading}>`}
<ol>${year.entries.map((entry) => entryItem(entry, current))}</ol>
</li>`,
)}
</ol>`;
}

/** The part of the organisation's timeline around one inspection: two entries either side. */
export function timelineExcerpt(inspection: Inspection): SafeHtml {
  const entries = inspection.organisation.timeline;
  const index = entries.findIndex((entry) => entry.type === "inspection" && entry.inspection === inspection);
  return timeline(entries.slice(Math.max(0, index - 2), index + 3), 3, inspection);
}

/**
 * How to read the dots. A source that publishes every grade in force (the Care
 * Inspectorate's datastore) does not say which areas an inspection looked at, so its
 * charts have a dot for every grade of every grading, and never say "judged".
 */
function trajectoryRule(trajectory: Trajectory): string {
  const framework = trajectory.framework.shortName;
  return trajectory.inspectorate.gradings === "in-force"
    ? `After each inspection, the grades published in each area as judged under ${framework}: a dot for each grade of each grading, as the ${trajectory.inspectorate.shortName}'s data gives every grade in force and not which areas an inspection looked at.`
    : `After each inspection, the rating that stood in each area as judged under ${framework}: a dot where the inspection judged it, the line alone where an earlier rating still stood.`;
}

/**
 * The organisation's grades over time: one set of step charts per inspectorate and lineage.
 * `prefix` starts the charts' ids: the organisation's id, so that a page of several
 * organisations' charts (a shortcode's) has each id once; its own page, where they are
 * alone, passes "" (about 40 bytes an id, six ids a chart).
 */
export function trajectorySection(organisation: Organisation, prefix = `${organisation.id}-`): SafeHtml {
  const all = trajectories(organisation.inspections);
  if (all.length === 0) return html`<p>No graded inspections yet.</p>`;
  return html`${all.map(
    (
      trajectory,
      index,
    ) => html`<h3>${trajectory.inspectorate.shortName} grades since ${inspectionYear(trajectory.inspections[0]!)}</h3>
<p>${trajectoryRule(trajectory)} Earlier grades follow the crosswalk between frameworks. Best grade at the top.</p>
${trajectoryCharts(trajectory, `${prefix}trajectory-${index + 1}`)}`,
  )}`;
}
