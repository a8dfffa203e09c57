/**
 * The Atom feeds of new inspections (pages of src/render/site-wide-pages.ts for the site and
 * src/render/site-pages.ts for each organisation): their entries, their XML, and
 * the visible link that lets a reader follow an organisation.
 *
 * Every date comes from the content, never from the clock, so the same content gives the
 * same feed: an entry's date is its publication date, or for a visit whose report date is
 * not recorded (some ungraded visits) the last day of the visit.
 * Atom: https://www.rfc-editor.org/rfc/rfc4287
 */
import { verdictSentence } from "../model/sentence.ts";
import { visitEnded } from "../model/when.ts";
import type { Inspection, Organisation } from "../model/types.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import { html, type SafeHtml } from "./html.ts";
import { absoluteUrl, inspectionUrl, organisationFeedUrl } from "./urls.ts";

export interface FeedEntry {
  title: string;
  /** Root-relative, like every URL on the site; the feed template makes it absolute. */
  path: string;
  /** When the entry appeared: the publication date, or the last day of the visit. */
  updated: Date;
  /** Only when the publication date is known. */
  published?: Date;
  summary: string;
  content: string;
  inspectorate: { id: string; name: string };
}

/** Midnight UTC at the start of a YYYY-MM-DD day. */
export function startOfDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

/**
 * Newest first, at most `limit`; inspections on the same day in address order, so the order
 * never varies.
 */
export function feedEntries(inspections: readonly Inspection[], limit = Infinity): FeedEntry[] {
  return newestFirst(inspections, limit)
    .map((inspection): FeedEntry => ({
      title: `${inspection.organisation.name}: ${inspection.title}`,
      path: inspectionUrl(inspection),
      updated: startOfDay(inspection.published ?? visitEnded(inspection)),
      ...(inspection.published ? { published: startOfDay(inspection.published) } : {}),
      summary: verdictSentence(inspection),
      content: inspection.summary.trim(),
      inspectorate: { id: inspection.framework.inspectorate.id, name: inspection.framework.inspectorate.name },
    }))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.path.localeCompare(b.path));
}

/**
 * The `limit` inspections a feed lists, chosen before any entry is made: the site's feed
 * lists the newest few of every inspection, and making an entry for each first took a
 * third of a second at 40,000 inspections (entries' order is then made as before).
 */
function newestFirst(inspections: readonly Inspection[], limit: number): readonly Inspection[] {
  if (inspections.length <= limit) return inspections;
  const day = (inspection: Inspection) => inspection.published ?? visitEnded(inspection);
  const keyed = inspections.map((inspection) => ({
    inspection,
    day: day(inspection),
    path: inspectionUrl(inspection),
  }));
  keyed.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.path.localeCompare(b.path)));
  return keyed.slice(0, limit).map((entry) => entry.inspection);
}

const latestBySite = new WeakMap<readonly Inspection[], Date>();

/**
 * A feed's `updated`: its newest entry's date. A feed with no entries yet (an organisation
 * not inspected so far, which a reader may still follow) takes the newest date of all the
 * site's inspections (worked out once a build), and a site with none the start of 1970.
 */
export function feedUpdated(entries: readonly FeedEntry[], allInspections: readonly Inspection[]): Date {
  if (entries[0]) return entries[0].updated;
  let latest = latestBySite.get(allInspections);
  if (!latest) {
    // The newest entry's date, without making every entry.
    let day = "";
    for (const inspection of allInspections) {
      const updated = inspection.published ?? visitEnded(inspection);
      if (updated > day) day = updated;
    }
    latest = day ? startOfDay(day) : new Date(0);
    latestBySite.set(allInspections, latest);
  }
  return latest;
}

/** Whether each organisation has a feed of its own (site.yaml's `feeds`: all, unless `site`). */
export function hasOrganisationFeeds(site: Pick<SiteSettings, "feeds">): boolean {
  return site.feeds !== "site";
}

/** The visible "follow" link on an organisation's page; the <head> links the same feed. */
export function followOrganisation(organisation: Organisation): SafeHtml {
  return html`<p class="follow"><a href="${organisationFeedUrl(organisation)}" type="application/atom+xml">Follow ${organisation.name}</a>: a feed of its new inspections, for any feed reader.</p>`;
}

/** An RFC 3339 date-time, to the second, as Atom wants it: 2024-02-12T00:00:00Z. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}

export interface AtomFeed {
  site: Pick<SiteSettings, "url" | "pathPrefix" | "language" | "publisher" | "licence">;
  title: string;
  /** Root-relative addresses of the feed itself and of the page it follows. */
  path: string;
  alternatePath: string;
  updated: Date;
  entries: readonly FeedEntry[];
}

/**
 * An Atom feed (RFC 4287). Links and ids are absolute: the site's address and path prefix
 * from site.yaml, as on the pages' canonical links.
 */
export function atomFeed(feed: AtomFeed): string {
  const { site } = feed;
  const absolute = (path: string): string => absoluteUrl(path, site);
  const entries = feed.entries.map(
    (entry) => html`
<entry>
<title>${entry.title}</title>
<link rel="alternate" type="text/html" href="${absolute(entry.path)}"/>
<id>${absolute(entry.path)}</id>${entry.published ? html`\n<published>${rfc3339(entry.published)}</published>` : ""}
<updated>${rfc3339(entry.updated)}</updated>
<category term="${entry.inspectorate.id}" label="${entry.inspectorate.name}"/>
<summary>${entry.summary}</summary>
<content type="text">${entry.content}</content>
</entry>`,
  );
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}">
<title>${feed.title}</title>
<link rel="self" type="application/atom+xml" href="${absolute(feed.path)}"/>
<link rel="alternate" type="text/html" href="${absolute(feed.alternatePath)}"/>
<id>${absolute(feed.path)}</id>
<updated>${rfc3339(feed.updated)}</updated>
<author><name>${site.publisher}</name></author>
<rights>${site.licence}</rights>${entries}
</feed>
`.toString();
}
