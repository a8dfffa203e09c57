/**
 * The text of the files an import writes. Deterministic: the same row and mapping give
 * the same bytes, which is what lets a re-import tell an untouched file from an edited one.
 */
import { Document, isScalar, Scalar } from "yaml";
import type { OrganisationData } from "../../content/schema.ts";
import type { InspectionFrontmatter } from "./rows.ts";

/**
 * Frontmatter in the house style: the summary as a folded block (as editors write it),
 * every other value on one line so an editor never meets a string split across lines.
 */
export function frontmatter(data: object): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const document = new Document({ [key]: value });
      if (key === "summary") {
        const node = document.get(key, true);
        if (isScalar(node)) node.type = Scalar.BLOCK_FOLDED;
        return document.toString({ lineWidth: 90 });
      }
      return document.toString({ lineWidth: 0 });
    })
    .join("");
}

export function inspectionFile(data: InspectionFrontmatter, notes: readonly string[] = []): string {
  const { source, row, needsReview } = data.draft;
  const lines = [
    `This page was imported from \`${source}\` (line ${row}) by \`npm run import\` and has not been edited since.`,
    data.report
      ? `Its details are copied from the spreadsheet, which can be wrong: the [inspection report](${data.report}) is the authority.`
      : "Its details are copied from the spreadsheet, which can be wrong.",
  ];
  if (needsReview.length > 0)
    lines.push(
      "Parts of the spreadsheet row could not be used: `draft.needsReview` lists them, and what is not known is written `unknown`, until an editor checks the report.",
    );
  const more = notes.length > 0 ? `\n${notes.join("\n\n")}\n` : "";
  return `---\n${frontmatter(data)}---\n${lines.join("\n")}\n${more}`;
}

export function organisationFile(data: OrganisationData, source: string, details: readonly string[] = []): string {
  const list = details.length > 0 ? `\n${details.map((line) => `- ${line}`).join("\n")}\n` : "";
  return `---\n${frontmatter(data)}---\nThese details were imported from \`${source}\` by \`npm run import\` and have not been checked by an editor.\n${list}`;
}
