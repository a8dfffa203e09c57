/**
 * An organisation's timeline as an ordered list under year headings: plain HTML that
 * reads in order with a screen reader and needs no script.
 */
import { counted } from "../model/labels.ts";
import { judgesServices } from "../model/previous.ts";
import { verdictSentence } from "../model/sentence.ts";
import { byYear } from "../model/timeline.ts";
import { trajectories, type Trajectory } from "../model/trajectory.ts";
import type { Inspection, Organisation, TimelineEntry } from "../model/types.ts";
import { inspectionYear } from "../model/when.ts";
import { trajectoryCharts } from "./charts.ts";
import { html, safeHref, type SafeHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { inspectionUrl, organisationUrl } from "./urls.ts";

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
  const type = entryType(inspection);
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

/** Context entries the explainer's window shows on each side, nearest first: the full timeline has the rest. */
export const STORY_EVENTS = 2;

/** An inspection's kind as the timeline names it. */
function entryType(inspection: Inspection): string {
  if (!inspection.kind.graded) return "Visit, not graded";
  return judgesServices(inspection) ? "Inspection" : "Review, not of the services";
}

/** A neighbour in the explainer's window: where it stands from this one, its date, its kind, its link and its sentence. */
function windowItem(entry: TimelineEntry, side: "Before this" | "After this", rel?: "prev" | "next"): SafeHtml {
  if (entry.type === "event")
    return html`<li class="timeline-entry timeline-event"><p class="timeline-date">${side}, ${entry.period.label}</p><p class="timeline-title"><span class="timeline-type">Context</span> ${entry.event.title}</p></li>`;
  const { inspection } = entry;
  return html`<li class="timeline-entry timeline-${inspection.kind.graded ? "inspection" : "visit"}"><p class="timeline-date">${side}, ${entry.period.label}</p><p class="timeline-title"><span class="timeline-type">${entryType(inspection)}</span> <a${rel ? html` rel="${rel}"` : ""} href="${inspectionUrl(inspection)}">${inspection.title}</a></p><p class="timeline-body">${verdictSentence(inspection)}</p></li>`;
}

/** From `index` in direction `step`: the nearest inspection, and up to STORY_EVENTS context entries nearer than it. */
function nearest(entries: readonly TimelineEntry[], index: number, step: 1 | -1): TimelineEntry[] {
  const found: TimelineEntry[] = [];
  let events = 0;
  for (let at = index + step; at >= 0 && at < entries.length; at += step) {
    const entry = entries[at]!;
    if (entry.type === "inspection") {
      found.push(entry);
      break;
    }
    if (events < STORY_EVENTS) found.push(entry);
    events++;
  }
  return found;
}

/**
 * Where an explainer's inspection sits in its organisation's story: the inspection or visit
 * just before it and the one just after, each with its sentence, the context between them
 * (up to STORY_EVENTS a side, by title), and a link to the whole timeline on the
 * organisation's page, which keeps everything. A window of the timeline rather than the
 * timeline itself, whose every entry an organisation's every explainer repeated
 * (docs/performance.md, "Page weight").
 */
export function storyWindow(inspection: Inspection): SafeHtml {
  const { organisation } = inspection;
  const entries = organisation.timeline;
  const index = entries.findIndex((entry) => entry.type === "inspection" && entry.inspection === inspection);
  const before = index < 0 ? [] : nearest(entries, index, -1).reverse();
  const after = index < 0 ? [] : nearest(entries, index, 1);
  const here = entries[index];
  const items = html`${before.map((entry) => windowItem(entry, "Before this", entry === before[0] && entry.type === "inspection" ? "prev" : undefined))}${
    here
      ? html`<li class="timeline-entry timeline-current"><p class="timeline-date">${here.period.label}</p><p class="timeline-title"><span class="timeline-type">${entryType(inspection)}</span> <span aria-current="page">${inspection.title} (this page)</span></p></li>`
      : ""
  }${after.map((entry) => windowItem(entry, "After this", entry === after[after.length - 1] && entry.type === "inspection" ? "next" : undefined))}`;
  const events = entries.filter((entry) => entry.type === "event").length;
  const all = `${counted(organisation.inspections.length, "inspection or visit", "inspections and visits")}${events > 0 ? ` and ${counted(events, "piece", "pieces")} of context` : ""}`;
  return html`${
    before.length || after.length
      ? html`<ol class="timeline">${items}</ol>
`
      : html`<p>The only inspection or visit of ${organisation.name} on this site.</p>
`
  }<p><a href="${organisationUrl(organisation)}#timeline-heading">The full timeline of ${organisation.name}</a>: ${all} on this site.</p>`;
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
