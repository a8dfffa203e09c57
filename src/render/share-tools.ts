/**
 * Under the comparison on an explainer, for newsrooms: the chart as SVG and PNG and the
 * table's data as CSV, and the code to embed the comparison in another site (an
 * `<iframe>` of the embed page, src/render/embed.ts) or, where frames are not allowed, the
 * share image. The code is a block of text to select and copy: it needs no script.
 * docs/publishing.md, "For newsrooms".
 */
import type { SiteSettings } from "../model/site-settings.ts";
import type { Inspection } from "../model/types.ts";
import { arrowChartSize } from "./charts.ts";
import { columnLabels, sharedNote } from "./comparison.ts";
import { html, type SafeHtml } from "./html.ts";
import { SHARE_IMAGE_SIZE, shareImageAlt } from "./share-image.ts";
import { rowNote } from "./why-not-compared.ts";
import { absoluteUrl, comparisonFileUrl, embedUrl, inspectionUrl, shareImageUrl } from "./urls.ts";

export interface ShareToolsOptions {
  site: Pick<SiteSettings, "url" | "pathPrefix">;
  /** The build drew the PNGs (not `--no-images`). */
  images: boolean;
  /**
   * The inspection has files of its own for sharing: an embed page and the chart's
   * downloads (src/model/sharing.ts). False: nothing here, so that no link leads to a file
   * the build did not write. Left out: it has.
   */
  shared?: boolean;
}

/** A file name that says what the file is once it has left the site. */
function downloadName(inspection: Inspection, extension: string): string {
  return `${inspection.organisation.id}-${inspection.slug}-comparison.${extension}`;
}

function downloads(inspection: Inspection, images: boolean): SafeHtml {
  if (!inspection.comparison) return html``;
  const link = (format: "svg" | "png" | "csv", label: string) =>
    html`<a href="${comparisonFileUrl(inspection, format)}" download="${downloadName(inspection, format)}">${label}</a>`;
  const csv = link("csv", "its data as CSV");
  if (arrowChartSize(inspection.comparison) === null)
    return html`<p class="downloads">Download the comparison: ${csv}.</p>`;
  const chart = images ? html`${link("svg", "SVG")} or ${link("png", "PNG")}` : link("svg", "SVG");
  return html`<p class="downloads">Download the chart as ${chart}, or ${csv}.</p>`;
}

/** What the frame holds, for its `title` (WCAG 4.1.2: a frame has a name). */
export function embedTitle(inspection: Inspection): string {
  const subject = `${inspection.organisation.name}, ${inspection.title}`;
  const { comparison } = inspection;
  if (comparison) return `${subject}: the grades compared with ${columnLabels(comparison)[0]}`;
  return inspection.kind.graded ? `${subject}: the grades` : subject;
}

/**
 * A height that shows the embed page without a scroll bar in an article's column (about 700
 * pixels wide), from what it holds: lines of text, table rows and their notes, the chart.
 * The page says to change it to suit; a frame cannot size itself without script.
 */
export function embedHeight(inspection: Inspection): number {
  const { comparison } = inspection;
  if (!comparison) return Math.max(400, 300 + inspection.judgements.length * 50);
  const lines = (text: string) => Math.ceil(text.length / 50);
  const shared = sharedNote(comparison.rows);
  const notes = shared
    ? lines(shared)
    : comparison.rows.reduce((sum, row) => sum + (rowNote(row) ? lines(rowNote(row)) : 0), 0);
  const chart = arrowChartSize(comparison);
  return Math.round(
    260 + comparison.rows.length * 58 + notes * 21 + (chart !== null ? chart * (700 / 480) * 0.96 + 70 : 0),
  );
}

/** Text for a double-quoted attribute in the code a reader copies: escaped as little as is right, to stay readable. */
function attribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function shareTools(inspection: Inspection, options: ShareToolsOptions): SafeHtml {
  const { site, images } = options;
  if (options.shared === false) return html``;
  // The code as the reader copies it; `html` escapes it once more to show it as text.
  const frame = `<iframe src="${absoluteUrl(embedUrl(inspection), site)}" title="${attribute(embedTitle(inspection))}" width="100%" height="${embedHeight(inspection)}" loading="lazy" style="border:0"></iframe>`;
  const picture = `<a href="${absoluteUrl(inspectionUrl(inspection), site)}"><img src="${absoluteUrl(shareImageUrl(inspection), site)}" alt="${attribute(shareImageAlt(inspection))}" width="${SHARE_IMAGE_SIZE.width}" height="${SHARE_IMAGE_SIZE.height}" style="max-width:100%;height:auto"></a>`;
  return html`<div class="share-tools">
${downloads(inspection, images)}
<details>
<summary>Embed this on your site</summary>
<p>This code shows <a href="${embedUrl(inspection)}">the comparison on a page of its own</a> on another site, kept up to date with this page. It works without JavaScript and from 280 pixels wide; change the height to suit your page.</p>
<pre><code>${frame}</code></pre>${
    images
      ? html`
<p>Where frames are not allowed, this shows the same comparison as a picture, linked to this page:</p>
<pre><code>${picture}</code></pre>`
      : ""
  }
</details>
</div>`;
}
