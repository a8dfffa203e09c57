/**
 * A figure (a labelled series of dated values) as a sparkline and, beside it, the same
 * numbers as a table: the chart for a glance, the table for screen readers and exactness.
 */
import { parsePoint } from "../model/dates.ts";
import type { Figure } from "../model/types.ts";
import { breakable, html, safeHref, type SafeHtml } from "./html.ts";

const WIDTH = 200;
const HEIGHT = 48;
const PAD = 6;

// One formatter for the whole build: making an Intl.NumberFormat costs far more than using it.
const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function sparkline(figure: Figure, id: string): SafeHtml {
  const points = figure.values.map((item) => ({ time: Date.parse(parsePoint(item.date)!.start), value: item.value }));
  const times = points.map((point) => point.time);
  const values = points.map((point) => point.value);
  const [minTime, maxTime] = [Math.min(...times), Math.max(...times)];
  const [minValue, maxValue] = [Math.min(0, ...values), Math.max(...values)];
  const x = (time: number) => PAD + ((time - minTime) / Math.max(1, maxTime - minTime)) * (WIDTH - 2 * PAD);
  const y = (value: number) =>
    HEIGHT - PAD - ((value - minValue) / Math.max(1e-9, maxValue - minValue)) * (HEIGHT - 2 * PAD);
  const path = points
    .map((point, index) => `${index ? "L" : "M"}${x(point.time).toFixed(1)} ${y(point.value).toFixed(1)}`)
    .join(" ");
  const dots = points.map(
    (point) => html`<circle cx="${x(point.time).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="2.5"/>`,
  );
  const first = figure.values[0]!;
  const last = figure.values[figure.values.length - 1]!;
  const description = `From ${formatNumber(first.value)} in ${parsePoint(first.date)!.label} to ${formatNumber(last.value)} in ${parsePoint(last.date)!.label}.`;
  return html`<svg class="sparkline" role="img" aria-labelledby="${id}-title ${id}-desc" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<title id="${id}-title">${figure.label}</title>
<desc id="${id}-desc">${description}</desc>
<path d="${path}" fill="none" stroke="currentColor" stroke-width="2"/>${dots}
</svg>`;
}

export function figureBlock(figure: Figure, id: string): SafeHtml {
  return html`<figure class="figure" aria-labelledby="${id}-caption">
<figcaption id="${id}-caption"><strong>${figure.label}</strong>${figure.unit ? ` (${figure.unit})` : ""}</figcaption>
${sparkline(figure, id)}
<table class="figure-table">
<caption class="visually-hidden">${figure.label}, by date</caption>
<thead><tr><th scope="col">When</th><th scope="col">${breakable(figure.unit ? `Value (${figure.unit})` : "Value")}</th></tr></thead>
<tbody>${figure.values.map(
    (item) =>
      html`<tr><th scope="row">${breakable(item.note ?? parsePoint(item.date)!.label)}</th><td>${formatNumber(item.value)}</td></tr>`,
  )}</tbody>
</table>
<p class="figure-source">Source: ${figure.source.url ? html`<a href="${safeHref(figure.source.url)}">${figure.source.name}</a>` : figure.source.name}</p>
</figure>`;
}
