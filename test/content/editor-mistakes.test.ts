/**
 * What editors get wrong that every other check let through (issue 26): placeholders left
 * in, raw HTML in Markdown, http report links, a framework used for a kind of organisation
 * its inspectorate does not inspect, and names written two ways. Each class in several
 * variants, each against a copy of the real sample content, with the file, line, field and
 * the fix; and, as much, what must NOT be taken for one (prose saying "todo", an autolink,
 * an inspectorate whose reports are not on https, two care services of one name).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { placeholderIn } from "../../src/content/placeholders.ts";
import { nameKey } from "../../src/content/near-duplicates.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { organisationText } from "../../src/authoring/scaffold/organisation.ts";
import { assertProblems, checkWithFiles, lineOf, replaceOnce, SAMPLE, sampleText, sampleWith } from "../fixtures/broken-content.ts";

const { I2024, I2018, FOCUSED, ILACS_2023, OXFORDSHIRE, RESTRUCTURE } = SAMPLE;
const PEEL_2022 = "content/inspections/wessex-police/2022-peel-inspection.md";
const OFSTED = "content/inspectorates/ofsted.yaml";

/** No problems at all: the edit is one an editor may make. */
function assertClean(files: Record<string, string>, options = {}): void {
  const result = checkWithFiles(files, options);
  assert.equal(result.problems.map(formatProblem), [], "no problem expected");
}

const placeholders = suite("check: placeholders left in");

placeholders("a lead inspector of TODO, a summary of TBC, and XXXX in a report link: each at its field, saying what goes there", () => {
  const text = replaceOnce(
    replaceOnce(
      sampleWith(I2024, "leadInspector: Nicki Shaw HMI", "leadInspector: TODO"),
      "report: https://files.ofsted.gov.uk/v1/file/50243682",
      "report: https://files.ofsted.gov.uk/v1/file/XXXXXXXX",
    ),
    "summary: >-\n  Good in every area, including help and protection, which had required improvement in\n  2018. Care leavers were judged on their own for the first time, and judged good.",
    "summary: TBC",
  );
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "report:"), field: "report", says: ["'XXXXXXXX' is a placeholder", "Write the link to the published report"] },
    { file: I2024, line: lineOf(text, "leadInspector:"), field: "leadInspector", says: ["'TODO' is a placeholder", "the lead inspector's name as the report gives it, or delete the line"] },
    { file: I2024, line: lineOf(text, "summary:"), field: "summary", says: ["'TBC' is a placeholder", "one or two plain sentences"] },
  ]);
});

placeholders("a grade left as the scaffold's TODO is told as a placeholder, once, not also as a grade not on the scale", () => {
  const text = replaceOnce(
    sampleWith(I2024, "care-leavers: good", "care-leavers: TODO"),
    "help-and-protection: good",
    "help-and-protection:\n    not-judged: TBC",
  );
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "not-judged: TBC"), field: "judgements.help-and-protection.not-judged", says: ["'TBC' is a placeholder", "why it was not judged"] },
    {
      file: I2024,
      line: lineOf(text, "care-leavers: TODO"),
      field: "judgements.care-leavers",
      says: ["'TODO' is a placeholder, not a grade", "'unknown' while you do not have it", "Allowed: 'outstanding', 'good', 'requires-improvement'"],
    },
  ]);
});

placeholders("a date or an id holding a placeholder is told as one, not also as a date or id of the wrong form", () => {
  const text = replaceOnce(sampleWith(I2024, "published: 2024-04-09", "published: TBC"), "kind: standard", "kind: TBD");
  assertProblems(checkWithFiles({ [I2024]: text }), [
    { file: I2024, line: lineOf(text, "kind: TBD"), field: "kind", says: "'TBD' is a placeholder" },
    { file: I2024, line: lineOf(text, "published: TBC"), field: "published", says: ["'TBC' is a placeholder", "YYYY-MM-DD"] },
  ]);
});

placeholders("whole fields of nothing but a placeholder, in any case: 'to be confirmed', '?', '<name>', '[TBA]', '...'", () => {
  const text = replaceOnce(
    replaceOnce(
      replaceOnce(sampleText(I2018), "leadInspector: Donna Marriott HMI", "leadInspector: to be confirmed"),
      "  - Recognise the cumulative effect of neglect, and act in time as children's needs escalate.",
      '  - "..."',
    ),
    "  - text: Senior leaders have taken rigorous action to respond to this deterioration.",
    '  - text: "<the quote>"',
  );
  const organisation = replaceOnce(sampleText(OXFORDSHIRE), "region: South East", 'region: "?"');
  const event = sampleWith(RESTRUCTURE, "title: Extra investment and a large-scale restructure of children's services", 'title: "[TBA]"');
  assertProblems(checkWithFiles({ [I2018]: text, [OXFORDSHIRE]: organisation, [RESTRUCTURE]: event }), [
    { file: RESTRUCTURE, line: lineOf(event, "title:"), field: "title", says: "'[TBA]' is a placeholder" },
    { file: I2018, line: lineOf(text, "leadInspector:"), field: "leadInspector", says: "'to be confirmed' is a placeholder" },
    { file: I2018, line: lineOf(text, '  - "..."'), field: "improvements[0]", says: "'...' is a placeholder" },
    { file: I2018, line: lineOf(text, "<the quote>"), field: "quotes[0].text", says: "'<the quote>' is a placeholder" },
    { file: OXFORDSHIRE, line: lineOf(organisation, "region:"), field: "region", says: ["'?' is a placeholder", "its region"] },
  ]);
});

placeholders("in the Markdown: TODO, FIXME and lorem ipsum, each at its own line and column of the file", () => {
  const text = `${sampleText(FOCUSED).trimEnd()}\n\nFIXME: say what the letter found.\n\nLorem ipsum dolor sit amet, and the council's reply (TODO).\n`;
  const result = checkWithFiles({ [FOCUSED]: text });
  assertProblems(result, [
    { file: FOCUSED, line: lineOf(text, "FIXME"), field: "body", says: ["'FIXME' is a placeholder", "Write what it stands for"] },
    { file: FOCUSED, line: lineOf(text, "Lorem ipsum"), field: "body", says: "'Lorem ipsum' is a placeholder" },
  ]);
  assert.is(result.problems[0]!.column, 1);
});

placeholders("not a placeholder: 'todo' or 'Todo' in prose, TBC inside a word, a roman numeral, an 'unknown' grade, 'none'", () => {
  for (const prose of [
    "A parent told inspectors: \"there is so much todo and no one to do it\".",
    "Todo Bien, a Spanish-speaking parents' group, spoke to inspectors.",
    "The TBCA partnership and the XXXIV report.",
    "An outstanding 'to-do list' culture.",
  ])
    assert.is(placeholderIn(prose), undefined, prose);
  const text = replaceOnce(
    sampleWith(I2024, "care-leavers: good", "care-leavers: unknown"),
    "leadInspector: Nicki Shaw HMI",
    'leadInspector: "Nicki Shaw HMI (todo: check the initial? no)"',
  );
  const body = `${sampleText(FOCUSED).trimEnd()}\n\nThe council has a long todo list, and Todo Bien helped.\n`;
  assertClean({ [I2024]: text, [FOCUSED]: body });
});

placeholders("a placeholder anywhere it could be typed: each marker, in capitals, as a word of its own", () => {
  for (const marker of ["TODO", "FIXME", "TBC", "TBA", "TBD", "XXX", "XXXXX"]) {
    assert.is(placeholderIn(`Judged ${marker} by inspectors.`), marker, marker);
    assert.is(placeholderIn(`(${marker})`), `(${marker})`, `${marker} alone, in brackets`);
    assert.is(placeholderIn(marker.toLowerCase()), marker.toLowerCase(), `${marker} alone in lower case`);
    assert.is(placeholderIn(`Judged ${marker.toLowerCase()} by inspectors.`), undefined, `${marker} in lower case inside prose`);
  }
  assert.is(placeholderIn("lorem IPSUM dolor"), "lorem IPSUM");
  assert.is(placeholderIn("{{ lead inspector }}"), "{{ lead inspector }}");
});

placeholders("npm run new's own markers: its organisation file's lines uncommented as they are, an inspection's left empty", () => {
  const path = "content/organisations/new-council.md";
  const uncomment = (text: string) => text.replace(/^# (codes:|website:)/gm, "$1").replace(/^# {3}(ons|ofstedUrn):/gm, "  $1:");
  const text = uncomment(organisationText({ name: "New Council", kind: "Local authority", fileName: "new-council" }));
  const inspection = replaceOnce(
    replaceOnce(sampleText(I2018), "leadInspector: Donna Marriott HMI", "leadInspector:"),
    "report: https://files.ofsted.gov.uk/v1/file/50004449",
    "report: https://",
  );
  assertProblems(checkWithFiles({ [path]: text, [I2018]: inspection }), [
    { file: I2018, line: lineOf(inspection, "report:"), field: "report", says: ["'https://' is a placeholder", "the link to the published report"] },
    { file: I2018, line: lineOf(inspection, "leadInspector:"), field: "leadInspector", says: ["is empty: it should be text.", "or delete the line if the field is optional"] },
    { file: path, line: lineOf(text, "ons:"), field: "codes.ons", says: "'<the ONS area code>' is a placeholder" },
    { file: path, line: lineOf(text, "ofstedUrn:"), field: "codes.ofstedUrn", says: "'<Ofsted's reference number>' is a placeholder" },
    { file: path, line: lineOf(text, "website:"), field: "website", says: "'https://' is a placeholder" },
  ]);
  // As written, with its comments, it passes.
  assertClean({ [path]: organisationText({ name: "New Council", kind: "Local authority", fileName: "new-council" }) });
});

placeholders("a report link that is not one says https is what is taken (http only where the inspectorate is not on https)", () => {
  const text = sampleWith(I2018, "report: https://files.ofsted.gov.uk/v1/file/50004449", "report: files.ofsted.gov.uk/v1/file/50004449");
  assertProblems(checkWithFiles({ [I2018]: text }), [
    { file: I2018, line: lineOf(text, "report:"), field: "report", says: "should be a link to the report starting https:// (http:// only for an inspectorate whose reports are not on https)" },
  ]);
});

const html = suite("check: raw HTML in Markdown");

html("an iframe, a div block and an HTML comment: each at its line, with what readers would see and the fix", () => {
  const text = `${sampleText(I2024).trimEnd()}\n\nWatch the briefing: <iframe src="https://www.youtube.com/embed/x"></iframe>\n\n<div class="box">\nA box.\n</div>\n\n<!-- check this with the council -->\n`;
  const result = checkWithFiles({ [I2024]: text });
  assertProblems(result, [
    { file: I2024, line: lineOf(text, "<iframe"), field: "body", says: ["Raw HTML is not allowed", "'<iframe src=\"https://www.youtube.com/embed/x\">'", "allowHtmlInMarkdown"] },
    { file: I2024, line: lineOf(text, "<div"), field: "body", says: "'<div class=\"box\">'" },
    { file: I2024, line: lineOf(text, "<!--"), field: "body", says: ["An HTML comment is not allowed", "YAML comment"] },
  ]);
  assert.is(result.problems[0]!.column, "Watch the briefing: ".length + 1, "the column of the tag");
});

html("inline HTML on a later line of a paragraph, in a list and in an organisation's and an event's text", () => {
  const body = `${sampleText(FOCUSED).trimEnd()}\n\nThe letter was short\nand <b>not</b> graded.\n\n- first<br>\n- second\n`;
  const organisation = `${sampleText(OXFORDSHIRE).trimEnd()}\n\n<span style="color:red">Closed</span> for a week.\n`;
  const event = `${sampleText(RESTRUCTURE).trimEnd()}\n<img src="x.png" alt="">\n`;
  assertProblems(checkWithFiles({ [FOCUSED]: body, [OXFORDSHIRE]: organisation, [RESTRUCTURE]: event }), [
    { file: RESTRUCTURE, line: lineOf(event, "<img"), field: "body", says: "'<img src=\"x.png\" alt=\"\">'" },
    { file: FOCUSED, line: lineOf(body, "<b>"), field: "body", says: "'<b>'" },
    { file: FOCUSED, line: lineOf(body, "<br>"), field: "body", says: "'<br>'" },
    { file: OXFORDSHIRE, line: lineOf(organisation, "<span"), field: "body", says: "'<span style=\"color:red\">'" },
  ]);
});

html("not HTML: an autolink, a comparison, an email address in angle brackets, code; and any HTML where site.yaml allows it", () => {
  const body = `${sampleText(FOCUSED).trimEnd()}\n\nSee <https://www.gov.uk/ofsted>, or write to <enquiries@ofsted.gov.uk>. Fewer than <5 children; 3 < 4.\n\n\`<b>\` is bold in HTML.\n\n    <div>an indented code block</div>\n`;
  assertClean({ [FOCUSED]: body });
  const withHtml = `${sampleText(FOCUSED).trimEnd()}\n\n<iframe src="https://example.org"></iframe>\n`;
  assertClean({ [FOCUSED]: withHtml }, { allowHtmlInMarkdown: true });
  assert.is(checkWithFiles({ [FOCUSED]: withHtml }).problems.length, 1, "the same file with HTML not allowed");
});

const links = suite("check: report links on https");

links("an http report link to an inspectorate that publishes on https gives the https address as the fix", () => {
  const text = sampleWith(I2024, "report: https://files.ofsted.gov.uk/v1/file/50243682", "report: http://files.ofsted.gov.uk/v1/file/50243682");
  const police = sampleWith(PEEL_2022, "report: https://example.org/fictional/wessex-police-peel-2022", "report: HTTP://example.org/fictional/wessex-police-peel-2022");
  assertProblems(checkWithFiles({ [I2024]: text, [PEEL_2022]: police }), [
    { file: I2024, line: lineOf(text, "report:"), field: "report", says: ["Ofsted publishes its reports on https, and this link starts http://", "Write https://files.ofsted.gov.uk/v1/file/50243682"] },
    { file: PEEL_2022, line: lineOf(police, "report:"), field: "report", says: ["HMICFRS publishes its reports on https", "Write https://example.org/fictional/wessex-police-peel-2022"] },
  ]);
});

links("an http report link is allowed for an inspectorate that says its reports are not on https", () => {
  const text = sampleWith(I2024, "report: https://files.ofsted.gov.uk/v1/file/50243682", "report: http://files.ofsted.gov.uk/v1/file/50243682");
  const ofsted = sampleWith(OFSTED, "reportsOnHttps: true", "reportsOnHttps: false");
  assertClean({ [I2024]: text, [OFSTED]: ofsted });
  // Other links (an event's source) are not report links.
  const event = sampleWith(RESTRUCTURE, "url: https://files.ofsted.gov.uk/v1/file/50004449", "url: http://www.oxfordshire.gov.uk/budget");
  assertClean({ [RESTRUCTURE]: event });
});

const kinds = suite("check: a framework used for the kind of organisation it inspects");

kinds("an Ofsted ILACS inspection of a police force is refused, naming the framework in force for police forces", () => {
  const path = "content/inspections/wessex-police/2024-standard-inspection.md";
  const text = sampleText(I2024).replace("organisation: oxfordshire", "organisation: wessex-police");
  assertProblems(checkWithFiles({ [path]: text }), [
    {
      file: path,
      line: lineOf(text, "framework:"),
      field: "framework",
      says: [
        "ILACS 2023 (Ofsted) is used for organisations of kind 'Local authority', 'Upper-tier local authority'",
        "Wessex Police (fictional example) (content/organisations/wessex-police.md) is of kind 'Police force'",
        "On 2024-02-12 PEEL 2021 ('hmicfrs-peel-2021', HMICFRS) was in force for organisations of kind 'Police force'",
      ],
    },
  ]);
});

kinds("a PEEL inspection of a council, and an inspection of an organisation whose kind was changed, are refused", () => {
  const path = "content/inspections/oxfordshire/2022-peel-inspection.md";
  const text = sampleText(PEEL_2022).replace("organisation: wessex-police", "organisation: oxfordshire");
  const council = sampleWith(OXFORDSHIRE, "kind: Upper-tier local authority", "kind: Fire and rescue service");
  const result = checkWithFiles({ [path]: text, [OXFORDSHIRE]: council });
  assert.ok(result.problems.length >= 5, result.problems.map(formatProblem).join("\n"));
  assert.ok(result.problems.every((problem) => problem.field === "framework" && problem.message.includes("'Fire and rescue service'")));
  assert.ok(result.problems.some((problem) => problem.file === path && problem.message.startsWith("PEEL 2021 (HMICFRS) is used for organisations of kind 'Police force'")));
  assert.ok(result.problems.some((problem) => problem.file === I2024 && problem.fix.includes("No framework in force on 2024-02-12 is used for organisations of kind 'Fire and rescue service'")));
});

kinds("a framework that does not say which kinds it is used for is used for every kind; a listed kind may be added", () => {
  const path = "content/inspections/wessex-police/2024-standard-inspection.md";
  const text = sampleText(I2024).replace("organisation: oxfordshire", "organisation: wessex-police");
  const framework = sampleText(ILACS_2023).replace(/appliesTo:\n(  - .*\n)+/, "");
  assertClean({ [path]: text, [ILACS_2023]: framework });
  const withPolice = sampleWith(ILACS_2023, "  - Upper-tier local authority\n", "  - Upper-tier local authority\n  - Police force\n");
  assertClean({ [path]: text, [ILACS_2023]: withPolice });
});

const names = suite("check: names written two ways");

names("'South-East' beside 'South East': Did you mean 'South East'?, at the region, naming the other file", () => {
  const other = "content/organisations/buckinghamshire.md";
  const bucks = "---\nname: Buckinghamshire Council\nkind: Upper-tier local authority\nregion: South-East\n---\n";
  const kent = "---\nname: Kent County Council\nkind: Upper-tier local authority\nregion: south east\n---\n";
  assertProblems(checkWithFiles({ [other]: bucks, "content/organisations/kent.md": kent }), [
    { file: other, line: 4, field: "region", says: ["'South-East' differs from 'South East' (as content/organisations/oxfordshire.md writes it)", "two region pages", "Did you mean 'South East'?"] },
    { file: "content/organisations/kent.md", line: 4, field: "region", says: "Did you mean 'South East'?" },
  ]);
});

names("the spelling most files use is kept; a kind is kept as a framework's appliesTo writes it", () => {
  const a = "---\nname: Alpha Council\nkind: Upper-Tier Local Authority\nregion: North-West\n---\n";
  const b = "---\nname: Beta Council\nkind: Upper-tier local authority\nregion: North-West\n---\n";
  const c = "---\nname: Gamma Council\nkind: Upper-tier local authority\nregion: North West\n---\n";
  const d = "---\nname: Delta Council\nkind: Upper-tier local authority\nregion: North  West\n---\n";
  const files = { "content/organisations/alpha.md": a, "content/organisations/beta.md": b, "content/organisations/gamma.md": c };
  assertProblems(checkWithFiles(files), [
    { file: "content/organisations/alpha.md", line: 3, field: "kind", says: ["'Upper-Tier Local Authority' differs from 'Upper-tier local authority'", "Did you mean 'Upper-tier local authority'?"] },
    { file: "content/organisations/gamma.md", line: 4, field: "region", says: ["'North West' differs from 'North-West' (as content/organisations/alpha.md and 1 more write it)", "Did you mean 'North-West'?"] },
  ]);
  // A spelling with a space doubled or at an end is never the one kept, however many write it.
  const spaced = { "content/organisations/alpha.md": d, "content/organisations/beta.md": d.replace("Delta", "Beta"), "content/organisations/gamma.md": b.replace("Beta", "Gamma") };
  const told = checkWithFiles(spaced).problems.filter((problem) => problem.field === "region");
  assert.equal(told.map((problem) => problem.file), ["content/organisations/alpha.md", "content/organisations/beta.md"]);
  assert.ok(told.every((problem) => problem.fix.startsWith("Did you mean 'North-West'?")));
  const council = sampleWith(OXFORDSHIRE, "kind: Upper-tier local authority", "kind: local authority");
  assertProblems(checkWithFiles({ [OXFORDSHIRE]: council }), [
    { file: OXFORDSHIRE, line: lineOf(council, "kind:"), field: "kind", says: ["as the frameworks' 'appliesTo' writes it", "Did you mean 'Local authority'?"] },
  ]);
});

names("organisation names that differ only in case or punctuation, unless codes tell them apart or their kinds differ", () => {
  const copy = "---\nname: Oxfordshire county council\nkind: Upper-tier local authority\n---\n";
  assertProblems(checkWithFiles({ "content/organisations/oxon.md": copy }), [
    { file: "content/organisations/oxon.md", line: 2, field: "name", says: ["readers could not tell the two organisations apart", "Did you mean 'Oxfordshire County Council'? If the two are one organisation, keep one file"] },
  ]);
  const numbered = "---\nname: Oxfordshire County-Council\nkind: Upper-tier local authority\ncodes:\n  ofstedUrn: \"80537\"\n---\n";
  const otherKind = "---\nname: OXFORDSHIRE COUNTY COUNCIL\nkind: Local authority\n---\n";
  assertClean({ "content/organisations/numbered.md": numbered, "content/organisations/other-kind.md": otherKind });
});

names("what reads the same: case, punctuation, spacing, accents and '&' set aside; nothing else", () => {
  assert.is(nameKey("South-East"), nameKey("south east"));
  assert.is(nameKey("St. Helens"), nameKey("St Helens"));
  assert.is(nameKey("Bath & North East Somerset"), nameKey("Bath and North-East Somerset"));
  assert.is(nameKey("Ynys Môn"), nameKey("Ynys Mon"));
  assert.is(nameKey("St Mary's"), nameKey("St Marys"));
  assert.is.not(nameKey("North East"), nameKey("North West"));
  assert.is.not(nameKey("Care Home Service (Older People)"), nameKey("Care Home Service"));
});

placeholders.run();
html.run();
links.run();
kinds.run();
names.run();
