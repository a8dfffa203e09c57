/**
 * The embed pages' stylesheet (assets/embed.css): the rules of the site's stylesheet that
 * the comparison needs (its colours, grades, tables and chart, marked in site.css between
 * `embed: from here` and `embed: to here`), then the embed page's own. One definition of
 * each rule, so an embedded comparison never drifts from the explainer's.
 */

const FROM = "/* embed: from here */";
const TO = "/* embed: to here */";

/**
 * @throws when the markers do not pair up, naming the file to fix.
 * @example embedStylesheet("a{}\n/* embed: from here *\/\nb{}\n/* embed: to here *\/", "c{}") === "b{}\nc{}\n"
 */
export function embedStylesheet(siteCss: string, embedCss: string, siteFile = "layouts/assets/site.css"): string {
  const parts: string[] = [];
  let at = 0;
  for (let start = siteCss.indexOf(FROM, at); start !== -1; start = siteCss.indexOf(FROM, at)) {
    const end = siteCss.indexOf(TO, start);
    const nested = siteCss.indexOf(FROM, start + FROM.length);
    if (end === -1 || (nested !== -1 && nested < end))
      throw new Error(`${siteFile}: an "embed: from here" comment has no "embed: to here" after it.`);
    parts.push(siteCss.slice(start + FROM.length, end).trim());
    at = end + TO.length;
  }
  if (siteCss.indexOf(TO, at) !== -1)
    throw new Error(`${siteFile}: an "embed: to here" comment has no "embed: from here" before it.`);
  if (parts.length === 0)
    throw new Error(`${siteFile} marks no rules for the embed pages ("embed: from here" ... "embed: to here").`);
  return `${[...parts, embedCss.trim()].join("\n")}\n`;
}
