/**
 * JSON-LD (https://schema.org) only where a type honestly fits, which on this site is one
 * place: an organisation's page describes a real organisation, so it says so with
 * `Organization` and the facts the content holds about it (name, website, codes).
 *
 * Left out on purpose: explainers are not the inspectorate's `Report`, and calling them an
 * `Article` or `NewsArticle` would claim an author and dates for the explainer that the
 * content does not record; grades have no schema.org type that means what they mean; and
 * made-up example organisations are not described at all, so that search engines are never
 * told a fictional body exists.
 */
import type { Organisation } from "../model/types.ts";
import { html, safeHref, scriptJson, type SafeHtml } from "./html.ts";

export function organisationJsonLd(organisation: Organisation, pageUrl: string): SafeHtml {
  if (organisation.example) return html``;
  const identifiers = [
    ...(organisation.codes.ons ? [{ "@type": "PropertyValue", propertyID: "ONS", value: organisation.codes.ons }] : []),
    ...(organisation.codes.ofstedUrn
      ? [{ "@type": "PropertyValue", propertyID: "Ofsted URN", value: organisation.codes.ofstedUrn }]
      : []),
    ...(organisation.codes.careInspectorate
      ? [
          {
            "@type": "PropertyValue",
            propertyID: "Care Inspectorate number",
            value: organisation.codes.careInspectorate,
          },
        ]
      : []),
  ];
  const website = organisation.website ? safeHref(organisation.website) : "#";
  const data = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: organisation.name,
    ...(website !== "#" ? { url: website } : {}),
    ...(identifiers.length ? { identifier: identifiers } : {}),
    // This page is about the organisation; it is not the organisation's own site.
    subjectOf: { "@type": "WebPage", url: pageUrl },
  };
  return html`<script type="application/ld+json">${scriptJson(data)}</script>\n`;
}
