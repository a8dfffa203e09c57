/**
 * The three states an area can be in at an inspection, never confused (docs/domain.md,
 * "Three states"): a grade (or another outcome on the scale, such as withheld); not
 * judged, with the reason where the framework or an editor gives one; unknown, judged but
 * not on this site yet. Unknown and not judged are the same on every scale, so no scale
 * defines them; the ids are reserved.
 */
import { shortFromLabel } from "./labels.ts";
import type { Area, InspectionKind, NotJudged, Scale, UnknownOutcome } from "./types.ts";

export const UNKNOWN_ID = "unknown";
export const NOT_JUDGED_ID = "not-judged";
/** Ids no scale may use for a grade or state: every scale has these. */
export const RESERVED_OUTCOME_IDS: readonly string[] = [UNKNOWN_ID, NOT_JUDGED_ID];

/** `visit: unknown`: the report gives no visit dates this site knows. */
export const VISIT_UNKNOWN = "unknown";
/** `kind: unknown`: a graded inspection whose kind the source does not say. */
export const KIND_UNKNOWN = "unknown";

export const UNKNOWN: UnknownOutcome = Object.freeze({
  kind: "unknown",
  id: "unknown",
  label: "Not known",
  short: "Not known",
  meaning: "Judged at this inspection, but the grade is not on this site yet: the report has it.",
});

export function notJudged(reason?: string): NotJudged {
  return {
    kind: "not-judged",
    id: "not-judged",
    label: "Not judged",
    short: "Not judged",
    meaning: reason ?? "Not judged at this inspection.",
    ...(reason ? { reason } : {}),
  };
}

/** What a graded inspection of a kind the source does not name is taken to be: graded, judging every area. */
export function unknownKind(): InspectionKind {
  return {
    id: KIND_UNKNOWN,
    label: "Inspection",
    graded: true,
    description: "The kind of inspection is not recorded on this site yet.",
    judges: "all",
  };
}

/** Whether a kind judges an area at every inspection of it ("yes"), never ("no"), or only when the inspection says ("some"). */
export function kindJudges(kind: InspectionKind, areaId: string): "yes" | "no" | "some" {
  if (kind.judges === "all") return "yes";
  if (kind.judges === "some") return "some";
  return kind.judges.includes(areaId) ? "yes" : "no";
}

/** The framework's reason a kind leaves an area unjudged, or one said in its words. */
export function kindNotJudgedReason(kind: InspectionKind): string {
  if (kind.notJudged) return kind.notJudged;
  return kind.judges === "some"
    ? `Not looked at in this ${shortFromLabel(kind.label)}.`
    : `A ${shortFromLabel(kind.label)} does not judge this area.`;
}

/**
 * What a graded inspection gave an area, from what the editor wrote (`undefined` when they
 * left it out): a grade or state of the scale, unknown, or not judged. Left out, an area
 * the kind judges is unknown (it was judged; the site does not have the grade), and one it
 * does not judge is not judged, with the framework's reason.
 */
export function outcomeFor(
  area: Area,
  written: string | { "not-judged": string } | undefined,
  kind: InspectionKind,
  scale: Scale,
): NotJudged | UnknownOutcome | ReturnType<Scale["outcomes"]["get"]> {
  const judges = kindJudges(kind, area.id);
  if (written === undefined) return judges === "yes" ? UNKNOWN : notJudged(kindNotJudgedReason(kind));
  if (typeof written === "object") return notJudged(written["not-judged"]);
  if (written === UNKNOWN_ID) return UNKNOWN;
  if (written === NOT_JUDGED_ID) return notJudged(judges === "yes" ? undefined : kindNotJudgedReason(kind));
  return scale.outcomes.get(written);
}
