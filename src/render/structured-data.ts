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
import { safeHref, trusted, type SafeHtml } from "./html.ts";

/**
 * JSON for a <script> element: `<`, `>` and `&` as JSON escapes, so no text from content can
 * close the element or open a comment; U+2028 and U+2029 likewise, for old JSON parsers.
 *
 * @example scriptJson({ name: "</script>" }) === '{"name":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function organisationJsonLd(organisation: Organisation, pageUrl: string): SafeHtml {
  if (organisation.example) return trusted("");
  const identifiers = [
    ...(organisation.codes.ons ? [{ "@type": "PropertyValue", propertyID: "ONS", value: organisation.codes.ons }] : []),
    ...(organisation.codes.ofstedUrn
      ? [{ "@type": "PropertyValue", propertyID: "Ofsted URN", value: organisation.codes.ofstedUrn }]
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
  return trusted(`<script type="application/ld+json">${scriptJson(data)}</script>\n`);
}
