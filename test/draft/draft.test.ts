/**
 * `npm run draft` end to end, on the committed Oxfordshire reports and PDFs the tests
 * write: files in the content format, by the importer's rules (never an editor's file),
 * one clear line and nothing written for each file that is not a report it can draft.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { checkContent } from "../../src/content/index.ts";
import { runDraft } from "../../src/authoring/draft/index.ts";
import { runTool } from "../editing/support.ts";
import { projectRoot, snapshot, temporaryFolder } from "../fixtures/import/support.ts";
import { makePdf, textPage } from "../fixtures/reports/make-pdf.ts";

const reports = "test/fixtures/reports";
const oxfordshire = ["2014-06-30", "2018-05-22", "2024-04-09"].map((date) => `${reports}/oxfordshire-${date}.pdf`);

/** A content folder with the project's definitions and nothing else (or the whole sample, with `sample`). */
function contentFolder(sample = false): { folder: string; content: string } {
  const folder = temporaryFolder("draft");
  const content = join(folder, "content");
  if (sample) cpSync(join(projectRoot, "content"), content, { recursive: true });
  else
    for (const part of ["inspectorates", "scales", "frameworks"])
      cpSync(join(projectRoot, "content", part), join(content, part), { recursive: true });
  return { folder, content };
}

function frontmatterOf(path: string): Record<string, unknown> {
  return parse(readFileSync(path, "utf8").split("---\n")[1]!) as Record<string, unknown>;
}

const draft = suite("npm run draft");

draft("drafts each report into the content format, marked as a draft, with what it could not read listed", async () => {
  const { folder, content } = contentFolder();
  try {
    const report = await runDraft({ root: projectRoot, reports: oxfordshire, content });
    assert.equal(
      report.reports.map((outcome) => [outcome.file?.status, outcome.file?.path]),
      [
        ["created", "inspections/oxfordshire/2014-single-inspection.md"],
        ["created", "inspections/oxfordshire/2018-short.md"],
        ["created", "inspections/oxfordshire/2024-standard.md"],
      ],
    );
    assert.equal(
      report.organisations.map((file) => [file.status, file.path]),
      [["created", "organisations/oxfordshire.md"]],
      "one organisation for three reports that name it differently",
    );
    const data = frontmatterOf(join(content, "inspections/oxfordshire/2018-short.md"));
    assert.equal(Object.keys(data), [
      "organisation",
      "framework",
      "kind",
      "visit",
      "leadInspector",
      "summary",
      "judgements",
      "improvements",
      "quotes",
      "draft",
    ]);
    assert.equal(data.judgements, {
      "overall-effectiveness": "good",
      "impact-of-leaders": "good",
      "help-and-protection": "requires-improvement",
      "children-in-care-and-care-leavers": "good",
    });
    const { source, needsReview } = data.draft as { source: string; needsReview: string[] };
    assert.is(source, "oxfordshire-2018-05-22.pdf");
    assert.ok(
      needsReview.some((item) => item.startsWith("report:")),
      "the PDF does not know its web address",
    );
    assert.ok(
      needsReview.some((item) => item.startsWith("published:")),
      "an ILACS report does not state when it was published",
    );
    const sif = frontmatterOf(join(content, "inspections/oxfordshire/2014-single-inspection.md"));
    assert.is(sif.published, "2014-06-30", "a SIF report states when it was published");
    assert.not.ok((sif.draft as { needsReview: string[] }).needsReview.some((item) => item.startsWith("published:")));
    // The content checks refuse the drafts only for what the report could not tell.
    const problems = checkContent(projectRoot, content).problems;
    assert.ok(problems.length > 0);
    assert.ok(
      problems.every((problem) => problem.field === "report" || problem.field === "published"),
      problems.map((problem) => problem.message).join("\n"),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

draft(
  "never overwrites: a second run changes nothing, an edited draft and an editor's own file are left alone",
  async () => {
    const { folder, content } = contentFolder(true);
    try {
      const first = await runDraft({ root: projectRoot, reports: oxfordshire, content });
      const outcomes = first.reports.map((outcome) => [outcome.file?.status, outcome.file?.path, outcome.file?.reason]);
      assert.equal(outcomes, [
        [
          "left-alone",
          "inspections/oxfordshire/2014-single-inspection.md",
          "this inspection is already in the content (not written by an import)",
        ],
        [
          "left-alone",
          "inspections/oxfordshire/2018-short-inspection.md",
          "this inspection is already in the content (not written by an import)",
        ],
        [
          "left-alone",
          "inspections/oxfordshire/2024-standard-inspection.md",
          "this inspection is already in the content (not written by an import)",
        ],
      ]);
      assert.equal(first.organisations, [], "Oxfordshire County Council is already there");

      const { content: fresh, folder: second } = contentFolder();
      try {
        await runDraft({ root: projectRoot, reports: [reports], content: fresh });
        const before = snapshot(fresh);
        const again = await runDraft({ root: projectRoot, reports: [reports], content: fresh });
        assert.ok(
          again.reports.filter((outcome) => outcome.file).every((outcome) => outcome.file!.status === "unchanged"),
        );
        assert.equal(snapshot(fresh), before, "not one byte changed");
        const edited = join(fresh, "inspections/oxfordshire/2018-short.md");
        writeFileSync(
          edited,
          readFileSync(edited, "utf8").replace("leadInspector: Donna Marriott HMI", "leadInspector: Donna Marriott"),
        );
        const third = await runDraft({ root: projectRoot, reports: [oxfordshire[1]!], content: fresh });
        assert.equal(
          [third.reports[0]!.file!.status, third.reports[0]!.file!.reason],
          ["left-alone", "edited since it was imported"],
        );
        assert.match(readFileSync(edited, "utf8"), "leadInspector: Donna Marriott\n");
      } finally {
        rmSync(second, { recursive: true, force: true });
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);

draft("a SIF report whose visit dates cannot be read is placed by its publication date, never refused", async () => {
  const { folder, content } = contentFolder();
  try {
    const pdf = join(folder, "example-2016.pdf");
    writeFileSync(
      pdf,
      makePdf([
        textPage(
          "Example Borough Council",
          "Inspection of services for children in need of help and protection, children looked after and care leavers",
          "Inspection date: in the spring",
          "Report published: 18 March 2016",
          "Children’s services in Example are good",
          "1. Children who need help and protection Good",
          "2. Children looked after and achieving permanence Good",
          "2.1 Adoption performance Good",
          "2.2 Experiences and progress of care leavers Good",
          "3. Leadership, management and governance Good",
        ),
      ]),
    );
    const report = await runDraft({ root: projectRoot, reports: [pdf], content });
    assert.is(report.reports[0]!.file?.status, "created", report.reports[0]!.notDrafted);
    const data = frontmatterOf(join(content, report.reports[0]!.file!.path));
    assert.is(data.framework, "ofsted-sif-2013");
    assert.is(data.visit, "unknown");
    assert.is(data.published, "2016-03-18");
    assert.is((data.judgements as Record<string, string>)["overall-effectiveness"], "good");
    const review = (data.draft as { needsReview: string[] }).needsReview;
    assert.ok(review.some((item) => item.startsWith("visit: the report's visit dates could not be read")));
    assert.ok(
      review.some((item) => item.startsWith("judgements.overall-effectiveness: 'good' was read from the sentence")),
      "the overall grade, from a sentence, is for review",
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

draft("a dry run says what it would write and writes nothing", async () => {
  const { folder, content } = contentFolder();
  try {
    const before = snapshot(content);
    const report = await runDraft({ root: projectRoot, reports: oxfordshire, content, dryRun: true });
    assert.is(report.reports[0]!.file!.status, "created");
    assert.equal(snapshot(content), before);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

const runCli = (args: string[]) => runTool("draft", args);

const cli = suite("npm run draft on the command line");

cli("one clear line per file it cannot draft, nothing written for it, and exit 1 when nothing could be drafted", () => {
  const { folder, content } = contentFolder();
  try {
    const bad = join(folder, "bad");
    cpSync(join(projectRoot, reports, "encrypted.pdf"), join(bad, "encrypted.pdf"));
    writeFileSync(join(bad, "report.pdf"), "<!DOCTYPE html>\n<html><body>Find an inspection report</body></html>\n");
    writeFileSync(join(bad, "scan.pdf"), makePdf([{ drawing: true }]));
    writeFileSync(
      join(bad, "letter.pdf"),
      makePdf([textPage("Dear Ms Example", "Focused visit to Example local authority children’s services")]),
    );
    const before = snapshot(content);
    const result = runCli([
      join(bad, "encrypted.pdf"),
      join(bad, "report.pdf"),
      join(bad, "scan.pdf"),
      join(bad, "letter.pdf"),
      join(bad, "missing.pdf"),
      "--content",
      content,
    ]);
    assert.is(result.status, 1, result.stderr);
    const lines = result.stdout.split("\n").filter((line) => line.includes("not drafted"));
    assert.is(lines.length, 5);
    assert.match(result.stdout, /encrypted\.pdf: not drafted: it is encrypted with a password/);
    assert.match(
      result.stdout,
      /report\.pdf: not drafted: it is a web page \(HTML\) saved under a \.pdf name, not a PDF/,
    );
    assert.match(result.stdout, /scan\.pdf: not drafted: it has no text to read \(a scanned image\?\)/);
    assert.match(result.stdout, /letter\.pdf: not drafted: .*focused visit letter/);
    assert.match(result.stdout, /missing\.pdf: not drafted: there is no such file/);
    assert.equal(snapshot(content), before, "nothing written");

    const mixed = runCli([oxfordshire[2]!, join(bad, "report.pdf"), "--content", content]);
    assert.is(mixed.status, 0, mixed.stderr);
    assert.match(mixed.stdout, "Read 1 of 2 reports");
    assert.match(
      mixed.stdout,
      "created inspections/oxfordshire/2024-standard.md (ILACS 2023 standard inspection, 12 to 23 February 2024, 5 grades)",
    );
    assert.match(mixed.stdout, "npm run check refuses this draft until an editor adds the report's web address");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

cli("exits 2 when misused", () => {
  const noReports = runCli([]);
  assert.is(noReports.status, 2);
  assert.match(noReports.stderr, "Name the report PDFs to draft from");
  const noContent = runCli([oxfordshire[0]!, "--content", join(temporaryFolder("draft-none"), "nowhere")]);
  assert.is(noContent.status, 2);
  assert.match(noContent.stderr, "does not exist");
  assert.not.ok(existsSync(join(projectRoot, "nowhere")));
});

draft.run();
cli.run();
