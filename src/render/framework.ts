/**
 * Framework pages and the glossary of grades: what is judged, on what scale, and what
 * changed from the framework before (drawn from the crosswalk, not written again).
 */
import { formatDay } from "../model/dates.ts";
import { listPhrase } from "../model/sentence.ts";
import type { CrosswalkEntry, Framework, InspectionKind, Scale } from "../model/types.ts";
import { gradeChip } from "./grade.ts";
import { breakable, html, safeHref, type SafeHtml } from "./html.ts";
import { dataNotes } from "./data-note.ts";
import { frameworkUrl } from "./urls.ts";

const RELATION_WORDS: Record<CrosswalkEntry["relation"], string> = {
  same: "Unchanged",
  renamed: "Renamed",
  split: "Split",
  merged: "Merged",
  new: "New",
  removed: "No longer judged",
};

export function inForceText(framework: Framework): string {
  const { from, to } = framework.inForce;
  return to ? `In force from ${formatDay(from)} to ${formatDay(to)}` : `In force from ${formatDay(from)}`;
}

export function scaleTable(scale: Scale, id: string): SafeHtml {
  return html`<table class="scale">
<caption id="${id}">${scale.name}: grades, best first</caption>
<thead><tr><th scope="col">Grade</th><th scope="col">What it means</th></tr></thead>
<tbody>
${scale.grades.map((grade) => html`<tr><th scope="row">${gradeChip(grade, scale, { full: true })}</th><td>${breakable(grade.meaning)}</td></tr>`)}
${scale.states.map((state) => html`<tr><th scope="row">${gradeChip(state, scale, { full: true })} <span class="muted">(not a grade)</span></th><td>${breakable(state.meaning)}</td></tr>`)}
</tbody>
</table>`;
}

function areaLabels(framework: Framework, ids: readonly string[]): string {
  return ids.map((id) => framework.areas.find((area) => area.id === id)?.label ?? id).join("; ");
}

/** Which areas a graded kind judges, when not all: those it leaves out keep their earlier ratings. */
function judgesText(framework: Framework, kind: InspectionKind): string {
  if (kind.judges === "all") return "";
  const which =
    kind.judges === "some"
      ? "Judges only some areas; each inspection says which."
      : `Judges ${listPhrase(kind.judges.map((id) => framework.areas.find((area) => area.id === id)?.short ?? id))} only.`;
  return ` ${which} The others keep their earlier ratings.${kind.notJudged ? ` ${kind.notJudged}` : ""}`;
}

export function frameworkDetail(framework: Framework): SafeHtml {
  const replaces = framework.replaces;
  return html`<p class="lede">${framework.name}. ${inForceText(framework)}.</p>
${framework.description ? html`<p>${framework.description}</p>` : ""}
${dataNotes([framework.inspectorate], true)}
${framework.url ? html`<p><a href="${safeHref(framework.url)}">The inspectorate's guidance for this framework</a></p>` : ""}
<h2>What is judged</h2>
<ul class="areas">${framework.areas.map(
    (area) =>
      html`<li${area.parent ? html` class="sub-judgement"` : ""}><strong>${area.label}</strong>${area.parent ? " (a sub-judgement)" : ""}${area.separate ? " (shown apart, never compared)" : ""}${area.description ? html`: ${area.description}` : ""}</li>`,
  )}</ul>
<h2>Kinds of inspection</h2>
<ul>${framework.kinds.map((kind) => html`<li><strong>${kind.label}</strong>${kind.graded ? "" : " (not graded)"}${kind.description ? html`: ${kind.description}` : ""}${kind.graded ? judgesText(framework, kind) : ""}</li>`)}</ul>
<h2>Grades</h2>
${scaleTable(framework.scale, `scale-${framework.id}`)}
<h2>What changed from the framework before</h2>
${
  replaces
    ? html`<p>${framework.shortName} replaced <a href="${frameworkUrl(replaces.framework)}">${replaces.framework.shortName}</a>.${
        replaces.framework.scale === framework.scale
          ? " Both use the same grades."
          : replaces.grades
            ? " The grades changed; the inspectorate says how old grades translate."
            : " The grades changed, and the old grades cannot be compared with the new ones."
      }</p>
<div class="table-scroll" role="region" aria-labelledby="crosswalk-${framework.id}" tabindex="0">
<table class="crosswalk">
<caption id="crosswalk-${framework.id}">How the areas of ${replaces.framework.shortName} became those of ${framework.shortName}</caption>
<thead><tr><th scope="col">Change</th><th scope="col">In ${replaces.framework.shortName}</th><th scope="col">In ${framework.shortName}</th></tr></thead>
<tbody>${replaces.crosswalk.map(
        (entry) =>
          html`<tr><th scope="row">${RELATION_WORDS[entry.relation]}</th><td>${breakable(areaLabels(replaces.framework, entry.from) || "–")}</td><td>${breakable(areaLabels(framework, entry.to) || "–")}${entry.note ? html`<p class="row-note">${breakable(entry.note)}</p>` : ""}</td></tr>`,
      )}</tbody>
</table>
</div>`
    : html`<p>This is the first framework of its line on this site.</p>`
}
${framework.replacedBy.length ? html`<p>Replaced by ${framework.replacedBy.map((next, index) => html`${index ? ", " : ""}<a href="${frameworkUrl(next)}">${next.shortName}</a>`)}.</p>` : ""}`;
}

export function frameworkList(frameworks: readonly Framework[]): SafeHtml {
  return html`<ul class="card-list">${frameworks.map(
    (
      framework,
    ) => html`<li class="card"><p class="card-title"><a href="${frameworkUrl(framework)}">${framework.inspectorate.shortName}: ${framework.shortName}</a></p>
<p class="card-meta">${inForceText(framework)} · ${framework.areas.length} areas · ${framework.scale.grades.length}-point scale</p></li>`,
  )}</ul>`;
}
