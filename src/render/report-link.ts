/**
 * Where a reader finds an inspection's report: the link the inspection gives, or else the
 * inspectorate's page for its organisation, which lists its reports (a source such as the
 * Care Inspectorate's datastore names the service, not each report).
 */
import type { Inspection } from "../model/types.ts";
import { html, safeHref, type SafeHtml } from "./html.ts";

export interface ReportLink {
  href: string;
  /** True when the link is to this inspection's own report; false for the organisation's page of reports. */
  own: boolean;
}

export function reportLink(inspection: Inspection): ReportLink | null {
  if (inspection.report) return { href: inspection.report, own: true };
  const page = inspection.organisation.reports;
  return page ? { href: page, own: false } : null;
}

/** "the report", linked, for the end of a sentence; the organisation's page of reports when that is all there is. */
export function reportPhrase(inspection: Inspection): SafeHtml | null {
  const link = reportLink(inspection);
  if (!link) return null;
  return link.own
    ? html`<a href="${safeHref(link.href)}">the report</a>`
    : html`the report, listed on <a href="${safeHref(link.href)}">the inspectorate's page for ${inspection.organisation.name}</a>`;
}
