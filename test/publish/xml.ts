/**
 * Reads XML and HTML with Chromium's own parsers (DOMParser), for the feed, sitemap and
 * <head> checks: a strict XML parser without adding one to the project.
 */
import type { Page } from "playwright-core";

export interface XmlElement {
  name: string;
  namespace: string | null;
  attributes: Record<string, string>;
  /** The text of an element without child elements; "" otherwise. */
  text: string;
  children: XmlElement[];
}

interface FlatElement extends Omit<XmlElement, "children"> {
  parent: number;
}

/** The document element of well-formed XML; throws with the parser's message otherwise. */
export async function parseXml(page: Page, source: string): Promise<XmlElement> {
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0];
    if (error) return { error: error.textContent ?? "not well-formed" };
    const all = [doc.documentElement, ...Array.from(doc.documentElement.querySelectorAll("*"))];
    return {
      elements: all.map((element) => ({
        name: element.localName,
        namespace: element.namespaceURI,
        attributes: Object.fromEntries(
          Array.from(element.attributes, (attribute) => [attribute.name, attribute.value]),
        ),
        text: element.children.length ? "" : (element.textContent ?? ""),
        parent: element.parentElement ? all.indexOf(element.parentElement) : -1,
      })),
    };
  }, source);
  if ("error" in parsed) throw new Error(`Not well-formed XML: ${parsed.error}`);
  const elements: XmlElement[] = parsed.elements.map(({ parent: _parent, ...element }: FlatElement) => ({
    ...element,
    children: [],
  }));
  parsed.elements.forEach((element: FlatElement, index: number) => {
    if (element.parent >= 0) elements[element.parent]!.children.push(elements[index]!);
  });
  return elements[0]!;
}

/** The children of an element with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export interface PageHead {
  title: string;
  meta: Record<string, string[]>;
  links: { rel: string; href: string; type: string; title: string }[];
  jsonLd: string[];
  /** Links in <main> that name a feed, with their text. */
  feedLinksInMain: { href: string; text: string }[];
  forms: { action: string; method: string }[];
}

/** What a built page tells browsers, feed readers and search engines, as written (before any script runs). */
export function readHead(page: Page, source: string): Promise<PageHead> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "text/html");
    const meta: Record<string, string[]> = {};
    for (const element of Array.from(doc.head.querySelectorAll("meta[name], meta[property]"))) {
      const key = element.getAttribute("name") ?? element.getAttribute("property") ?? "";
      (meta[key] ??= []).push(element.getAttribute("content") ?? "");
    }
    return {
      title: doc.title,
      meta,
      links: Array.from(doc.head.querySelectorAll("link"), (link) => ({
        rel: link.getAttribute("rel") ?? "",
        href: link.getAttribute("href") ?? "",
        type: link.getAttribute("type") ?? "",
        title: link.getAttribute("title") ?? "",
      })),
      jsonLd: Array.from(
        doc.querySelectorAll('script[type="application/ld+json"]'),
        (script) => script.textContent ?? "",
      ),
      feedLinksInMain: Array.from(doc.querySelectorAll('main a[type="application/atom+xml"]'), (link) => ({
        href: link.getAttribute("href") ?? "",
        text: (link.textContent ?? "").trim(),
      })),
      forms: Array.from(doc.querySelectorAll("form"), (form) => ({
        action: form.getAttribute("action") ?? "",
        method: form.getAttribute("method") ?? "",
      })),
    };
  }, source);
}
