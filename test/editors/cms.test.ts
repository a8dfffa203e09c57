/**
 * The content manager, end to end, as an editor uses it: `npm run cms` on a temporary
 * copy of the project (a git repository of its own, so the branches and commits it makes
 * go nowhere else), with changes of the editor's own not committed, one content manager
 * and one Chromium page for the whole file. Chromium fills in the form for a new
 * inspection, saves it and publishes it (two steps); the file it wrote passes `npm run
 * check` and builds into a correct explainer. A draft keeps the file's lines but the one
 * changed; deleting is a draft too; a new organisation is offered as a draft. The same
 * build publishes /admin/, which loads in Chromium under the headers `_headers` gives it,
 * while every other page keeps the strict policy. At the end the editor's own changes are
 * as they were, and still not committed. Nothing is written to the repository's own content/.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkContent } from "../../src/content/index.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { editorChoices } from "../../src/authoring/editors/choices.ts";
import { adminContentSecurityPolicy, contentSecurityPolicy } from "../../src/render/security-headers.ts";
import { browser, fail, projectRoot, serveFolder, shareResources, testOutput } from "../browser/support.ts";
import { headersFor, parseHeadersFile } from "../publish/headers.ts";
import { textOf } from "../fixtures/page-text.ts";
import { startCms as startCmsProcess } from "./cms-process.ts";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const IDENTITY = {
  GIT_AUTHOR_NAME: "CMS Test",
  GIT_AUTHOR_EMAIL: "cms@example.org",
  GIT_COMMITTER_NAME: "CMS Test",
  GIT_COMMITTER_EMAIL: "cms@example.org",
};
const NEW_FILE = "content/inspections/oxfordshire/2025-standard.md";

const cms = suite("the content manager: an inspection made through its form, in Chromium");
shareResources(cms);

let project = "";
const children: ChildProcess[] = [];
const servers: Server[] = [];
/** The one content manager of this file: its address (the one-time link, used once) and what it printed. */
let admin = "";
let printed: () => string = () => "";
let shared: { context: BrowserContext; page: Page; problems: () => Promise<string[]> } | undefined;

/** Changes of the editor's own, not committed, that the content manager must leave alone. */
const LOCAL_EDIT = "content/organisations/oxfordshire.md";
const LOCAL_NOTE = "notes.txt";
const EDITED_LINE = "\nA sentence the editor is still writing.\n";

cms.after(async () => {
  await shared?.context.close().catch(() => undefined);
  for (const child of children.splice(0)) child.kill();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((done) => server.close(() => done()))));
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The project, with the editor's own uncommitted changes, and its one content manager, started once. */
async function startOnce(): Promise<string> {
  if (admin) return admin;
  project = temporaryProject();
  writeFileSync(join(project, LOCAL_EDIT), `${readFileSync(join(project, LOCAL_EDIT), "utf8")}${EDITED_LINE}`);
  writeFileSync(join(project, LOCAL_NOTE), "An editor's unsaved thought.\n");
  const { child, link, output } = startCmsProcess(project, IDENTITY);
  children.push(child);
  printed = output;
  admin = await link;
  return admin;
}

/** The one Chromium page of this file, opened from the one-time link and logged in, at `route` (after '#'). */
async function editorAt(route: string): Promise<Page> {
  const link = await startOnce();
  if (!shared) {
    const context = await (await browser()).newContext({ viewport: { width: 1280, height: 900 } });
    shared = { context, ...(await watchedPage(context)) };
    await shared.page.goto(link);
    await shared.page.getByRole("button", { name: "Login" }).click();
    await shared.page.getByText("Inspections", { exact: true }).first().waitFor();
  }
  const { page } = shared;
  await page.setViewportSize({ width: 1280, height: 900 });
  // A page loaded afresh (not a change of '#' alone, which Decap's editor does not always follow); still logged in.
  await page.goto("about:blank");
  await page.goto(`${new URL(link).origin}${new URL(link).pathname}#${route}`);
  const login = page.getByRole("button", { name: "Login" });
  // The login page, an entry's form, or the list of collections.
  await login
    .or(page.locator('label[for*="-field-"]'))
    .or(page.getByText("Inspections", { exact: true }))
    .first()
    .waitFor({ timeout: 30_000 });
  if (await login.isVisible()) await login.click();
  return page;
}

/** The secret the editor's page holds, for the tests that call the API as that page does. */
async function pageSecret(): Promise<string> {
  const page = await editorAt("/");
  const secret = await page.evaluate(() => localStorage.getItem("explainers-cms-session"));
  if (!secret) throw new Error("The editor's page holds no secret.");
  return secret;
}

function git(folder: string, args: string[]): string {
  const result = spawnSync("git", args, { cwd: folder, encoding: "utf8", env: { ...process.env, ...IDENTITY } });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * A copy of the project to edit: its content and settings (with a content manager on
 * GitHub, for the build), the code linked, committed on `main` in a repository of its own.
 */
function temporaryProject(): string {
  const folder = mkdtempSync(join(tmpdir(), "explainers-cms-"));
  cpSync(join(projectRoot, "content"), join(folder, "content"), { recursive: true });
  cpSync(join(projectRoot, ".eleventy.ts"), join(folder, ".eleventy.ts"));
  const settings = readFileSync(join(projectRoot, "site.yaml"), "utf8");
  writeFileSync(
    join(folder, "site.yaml"),
    `${settings}cms:\n  backend: github\n  repo: example/inspection-explainers\n  branch: main\n`,
  );
  // layouts/ copied, not linked: its media folder must be inside the repository for the content manager to use it.
  cpSync(join(projectRoot, "layouts"), join(folder, "layouts"), { recursive: true });
  for (const name of ["src", "fonts", "node_modules", "package.json", "tsconfig.json"])
    symlinkSync(join(projectRoot, name), join(folder, name));
  writeFileSync(join(folder, ".gitignore"), "node_modules\n/site/\n/.cache/\n");
  git(folder, ["init", "-q", "-b", "main"]);
  git(folder, ["add", "."]);
  git(folder, ["commit", "-q", "-m", "The project, before the editor's work"]);
  return folder;
}

/** `npm run build` in the temporary project, with its search index, into site/. */
function buildProject(): void {
  const built = spawnSync(
    process.execPath,
    [tsx, join(projectRoot, "src/cli/build.ts"), "--quiet", "--output", "site"],
    {
      cwd: project,
      encoding: "utf8",
    },
  );
  assert.is(built.status, 0, built.stderr);
}

type Window = { __csp: string[] };

/** A page that records every policy violation and console error. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: () => Promise<string[]> }> {
  await context.addInitScript(() => {
    (window as unknown as Window).__csp = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as Window).__csp.push(
        `${event.effectiveDirective} refused ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => {
    // Decap rejects a save its form refused with no reason given; the form shows the reason.
    if (error.message !== "undefined") errors.push(`uncaught ${error.message}`);
  });
  page.on("console", (message) => {
    // Chromium asks every host for /favicon.ico by itself.
    if (message.type() === "error" && !/favicon\.ico|404 \(Not Found\)/.test(message.text()))
      errors.push(message.text());
  });
  const problems = async () => [
    ...(await page.evaluate(() => (window as unknown as Window).__csp).catch(() => [])),
    ...errors.splice(0),
  ];
  return { page, problems };
}

/** A field's block in Decap's form (its label, its errors, its control), by the field's name. */
const fieldBlock = (page: Page, name: string) => page.locator(`label[for^="${name}-field-"]`).locator("xpath=../..");

/**
 * The second of the two steps: once the save has gone through, Publish, Publish now. A
 * saved draft is Ready, and nothing else is asked: a question left unanswered (Playwright
 * dismisses it) would stop the publishing, and the test would fail.
 */
async function publishNow(page: Page): Promise<void> {
  await page.getByText("Nothing unsaved").waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: /^Status: Ready/ }).waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("menuitem", { name: "Publish now" }).click();
}

const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\([^)]*\\))?$`));

async function waitFor(condition: () => boolean, what: string, seconds = 30): Promise<void> {
  for (let waited = 0; waited < seconds * 10; waited++) {
    if (condition()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Gave up waiting ${seconds} s for ${what}.`);
}

const JUDGEMENTS: [string, string][] = [
  ["Overall effectiveness", "Good"],
  ["The impact of leaders on social work practice with children and families", "Outstanding"],
  ["The experiences and progress of children who need help and protection", "Good"],
  ["The experiences and progress of children in care", "Requires improvement to be good"],
  ["The experiences and progress of care leavers", "Good"],
];

/** A choice of the form's own widgets (admin.js): a plain select, by its label. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** Fills in the form for a new ILACS 2023 inspection of Oxfordshire, saves it, and publishes it. */
/** Fills in the form for a new ILACS 2023 inspection of Oxfordshire, saves it, and publishes it. */
async function makeInspection(page: Page): Promise<void> {
  await pick(page, "Organisation", "Oxfordshire County Council");
  // Days are typed day first (en-GB), the format shown beside each box, and kept as YYYY-MM-DD.
  await page.getByText("day/month/year, like 02/06/2025").first().waitFor();
  await field(page, "First day").fill("02/06/2025");
  // The framework follows from the organisation and the day; the kinds are its own.
  await page
    .getByText("ILACS 2023 (Ofsted), in force from 2023-01-01 to 2026-03-31: the framework in force on 2025-06-02.")
    .waitFor();
  await pick(page, "Kind of inspection", "Standard inspection");
  // A slip the form itself catches: the last day before the first.
  await field(page, "Last day").fill("2025-05-13");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText("The last day cannot be before the first (2025-06-02).").waitFor();
  await field(page, "Last day").fill("13/06/2025");
  // A day that does not exist is said, not turned into another.
  await field(page, "Published").fill("31/06/2025");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page
    .getByText("The date '31/06/2025' cannot be read as a day: write it day/month/year, like 02/06/2025", {
      exact: false,
    })
    .waitFor();
  await field(page, "Published").fill("30/07/2025");
  // The report is required once graded: its label says so, not "(optional)".
  await page.getByText("Report (required for a graded inspection)", { exact: true }).waitFor();
  await field(page, "Report").fill("https://files.ofsted.gov.uk/v1/file/12345678");
  // Filled in, then emptied: admin.js must leave it out of the file.
  await field(page, "Lead inspector").fill("Someone");
  await field(page, "Lead inspector").fill("");
  await field(page, "Summary").fill("Good overall and in most areas; children in care now require improvement.");
  for (const [area, grade] of JUDGEMENTS) await pick(page, area, grade);
  await page.getByRole("button", { name: "Add improvements" }).click();
  await field(page, "Improvements").last().fill("Make sure children in care see the same social worker.");
  await page.locator("[data-slate-editor]").click();
  await page.keyboard.type("Inspectors found that help for children at risk had got better since 2024.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await publishNow(page);
}

/** A step that fails leaves a picture of the page behind. */
async function pictured<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await shared?.page
      .screenshot({ path: join(testOutput, `cms-${name}-failure.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  }
}

cms(
  "an inspection made through the form is published in two steps, passes check, and builds into its explainer",
  async () => {
    const page = await editorAt("/collections/inspections/new");
    await pictured("publish", async () => {
      await makeInspection(page);
      // Published, then the draft's branch deleted: both, before anything is read.
      await waitFor(
        () =>
          git(project, ["ls-files", NEW_FILE]).trim() === NEW_FILE &&
          git(project, ["branch", "--list", "cms/*"]).trim() === "",
        `${NEW_FILE} to be published into main, and its draft's branch removed`,
      );
    });
    const seen = await shared!.problems().catch(() => [] as string[]);
    if (seen.length) fail(`The content manager's page had problems:\n  ${seen.join("\n  ")}`);

    const written = readFileSync(join(project, NEW_FILE), "utf8");
    assert.is(git(project, ["show", `main:${NEW_FILE}`]), written, "the working tree has the published file");
    assert.match(
      written,
      /^---\norganisation: oxfordshire\nframework: ofsted-ilacs-2023\nkind: standard\nvisit:\n {2}start: 2025-06-02\n {2}end: 2025-06-13\npublished: 2025-07-30\n/,
    );
    assert.not.match(written, /leadInspector/, "a field filled in and emptied again is left out");
    assert.match(written, /\n {2}children-in-care: requires-improvement\n/);
    assert.match(written, /\n---\nInspectors found that help for children at risk had got better since 2024\.\n$/);

    const checked = checkContent(project);
    assert.equal(checked.problems.map(formatProblem), [], "the file the form wrote passes npm run check");

    buildProject();
    const markup = readFileSync(join(project, "site/organisations/oxfordshire/2025-standard/index.html"), "utf8");
    // The page's text as a reader gets it, tags taken out.
    const explainer = textOf(markup);
    for (const words of [
      "Good overall and in most areas; children in care now require improvement.",
      "Inspectors found that help for children at risk had got better since 2024.",
      "Make sure children in care see the same social worker.",
      "Visit 2 to 13 June 2025 Published 30 July 2025",
      // Compared with the 2024 inspection, area by area, as the grades entered say.
      "Compared with the ratings that stood after the Ofsted standard inspection, 2024",
      "The impact of leaders on social work practice with children and families Good Outstanding ▲ Improved",
      "The experiences and progress of children in care Good Requires improvement ▼ Declined",
      "The experiences and progress of care leavers Good Good = No change",
    ])
      assert.ok(explainer.includes(words), `the explainer should say ${JSON.stringify(words)}`);
    assert.match(markup, 'href="https://files.ofsted.gov.uk/v1/file/12345678"');
  },
);

cms(
  "a draft keeps the file's lines but the one changed; with a problem only check sees it is not published, and check's words stay beside the field",
  async () => {
    const file = "content/inspections/oxfordshire/2024-standard-inspection.md";
    const draft = "cms/inspections/oxfordshire/2024-standard-inspection";
    const before = readFileSync(join(project || (await startOnce(), project), file), "utf8");
    const page = await editorAt("/collections/inspections/entries/oxfordshire/2024-standard-inspection");
    await pictured("refused", async () => {
      // Each improvement is listed by its own words, not by the list's name.
      await page
        .getByText("Act sooner once children are escalated to pre-proceedings under the Public Law Outline.", {
          exact: true,
        })
        .waitFor();
      // Published three days before the visit ended: each date is right on its own.
      await field(page, "Published").fill("2024-02-20");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await publishNow(page);
      // The draft changes one line of the file: its wrapping, order and quoting are kept.
      assert.equal(
        git(project, ["diff", "-U0", "main", draft, "--", file])
          .split("\n")
          .filter((line) => /^[-+][^-+]/.test(line)),
        ["-published: 2024-04-09", "+published: 2024-02-20"],
      );
      // Check's words beside the field, and at the top of the form: they stay, not a pop-up that goes.
      const beside = fieldBlock(page, "published").getByText(
        "The report cannot be published before the visit ended (2024-02-23).",
        { exact: false },
      );
      await beside.waitFor({ timeout: 30_000 });
      await page.getByText("Not published: npm run check finds a problem in this draft.", { exact: false }).waitFor();
      await new Promise((done) => setTimeout(done, 9000));
      assert.ok(await beside.isVisible(), "the problem is still shown beside its field after 9 seconds");
      assert.not.ok(await page.getByText("API_ERROR").isVisible(), "no 'API_ERROR:' pop-up");
      // A report dated 2099: each date is fine on its own, but check refuses a date after today.
      // Saved again, the draft is still Ready: publishing is still two steps.
      await field(page, "Published").fill("2099-03-01");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await publishNow(page);
      await fieldBlock(page, "published")
        .getByText("This date is after today", { exact: false })
        .waitFor({ timeout: 30_000 });
      assert.not.ok(await beside.isVisible(), "the earlier problem is gone once a new check no longer finds it");
    });
    assert.is(readFileSync(join(project, file), "utf8"), before, "the published file is as it was");
    assert.match(git(project, ["branch", "--list", "cms/*"]), draft, "the draft is kept");
  },
);

/** The options of one of the form's own selects, as the editor reads them. */
async function optionsOf(page: Page, label: string): Promise<string[]> {
  const select = page.getByLabel(label, { exact: true });
  // The widget draws itself again within a quarter of a second of what it follows changing.
  await select.locator("option").nth(1).waitFor({ state: "attached" });
  return select.locator("option").allTextContents();
}

cms(
  "one inspection form: the framework follows the organisation, its kind and the visit's first day; a new organisation is offered as a draft, and its inspection waits for it",
  async () => {
    await startOnce();
    const choices = editorChoices(checkContent(project).model!);
    const framework = (id: string) => choices.frameworks.find((one) => one.id === id)!;
    const inForce = (day: string, kind: string, inspectorate?: string) =>
      choices.frameworks
        .filter((one) => one.inForce.from <= day && (!one.inForce.to || day <= one.inForce.to))
        .filter((one) => !one.appliesTo || one.appliesTo.includes(kind))
        .filter((one) => !inspectorate || one.inspectorate === inspectorate)
        .map((one) => one.label);
    const page = await editorAt("/collections/inspections/new");
    await pictured("one-form", async () => {
      // Oxfordshire in 2019: Ofsted inspected it before, and ILACS 2018 was in force.
      await page.getByText("Give the visit's first day (below)", { exact: false }).waitFor();
      await pick(page, "Organisation", "Oxfordshire County Council");
      await field(page, "First day").fill("2019-05-13");
      await page
        .getByText("ILACS 2018 (Ofsted), in force from 2018-01-01 to 2022-12-31: the framework in force on 2019-05-13.")
        .waitFor();
      const ilacs2018 = framework("ofsted-ilacs-2018");
      assert.equal(
        (await optionsOf(page, "Kind of inspection")).slice(1),
        ilacs2018.kinds.map((kind) => `${kind.label}${kind.graded ? "" : " (not graded)"}`),
      );
      for (const area of ilacs2018.areas) await page.getByLabel(area.label, { exact: true }).waitFor();
      // March 2018: the single inspection framework and ILACS 2018 were both in force: a choice.
      await field(page, "First day").fill("2018-03-05");
      await page.getByText("More than one framework was in force on 2018-03-05", { exact: false }).waitFor();
      assert.equal(inForce("2018-03-05", "Upper-tier local authority", "ofsted"), [
        "ILACS 2018 (Ofsted)",
        "SIF (Ofsted)",
      ]);
      assert.equal(
        (await optionsOf(page, "Framework")).slice(1).map((text) => text.split(",")[0]),
        inForce("2018-03-05", "Upper-tier local authority", "ofsted"),
      );

      // A new organisation, saved as a draft only: offered at once in the inspection form, said to be a draft.
      await editorAt("/collections/organisations/new");
      await field(page, "Name").fill("Wessex Borough Council");
      await field(page, "Kind").fill("Upper-tier local authority");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByText("Nothing unsaved").waitFor({ timeout: 30_000 });
      // A name already taken is numbered -2, as every tool numbers it (Decap's own way was -1).
      await editorAt("/collections/organisations/new");
      await field(page, "Name").fill("Wessex Police");
      await field(page, "Kind").fill("Police force");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await waitFor(
        () => git(project, ["branch", "--list", "cms/organisations/wessex-police*"]).trim() !== "",
        "the second Wessex Police's draft",
      );
      assert.is(
        git(project, ["branch", "--list", "cms/organisations/wessex-police*"]).trim(),
        "cms/organisations/wessex-police-2",
      );
      await editorAt("/collections/inspections/new");
      await pick(page, "Organisation", "Wessex Borough Council (draft, not published yet)");
      await page.getByText("Wessex Borough Council is a draft: publish it", { exact: false }).waitFor();
      await field(page, "First day").fill("2025-06-02");
      // No one has inspected it yet; of the frameworks in force that day, only those used for its kind (not PEEL).
      assert.equal(inForce("2025-06-02", "Upper-tier local authority"), ["ILACS 2023 (Ofsted)"]);
      await page
        .getByText("ILACS 2023 (Ofsted), in force from 2023-01-01 to 2026-03-31: the framework in force on 2025-06-02.")
        .waitFor();
      const ilacs2023 = framework("ofsted-ilacs-2023");
      assert.equal(
        (await optionsOf(page, "Kind of inspection")).slice(1),
        ilacs2023.kinds.map((kind) => `${kind.label}${kind.graded ? "" : " (not graded)"}`),
      );
      for (const area of ilacs2023.areas) await page.getByLabel(area.label, { exact: true }).waitFor();
      await page.screenshot({ path: join(testOutput, "cms-inspection-form-1280.png"), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(testOutput, "cms-inspection-form-390.png"), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // Its inspection is saved, but not published before the organisation is.
      await pick(page, "Kind of inspection", "Focused visit (not graded)");
      await field(page, "Last day").fill("03/06/2025");
      await field(page, "Published").fill("01/07/2025");
      await field(page, "Summary").fill("A focused visit on children in need.");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await publishNow(page);
      await fieldBlock(page, "organisation")
        .getByText("The organisation 'wessex-borough-council' is a draft, not published yet.", { exact: false })
        .waitFor({ timeout: 30_000 });
      const inspection = "content/inspections/wessex-borough-council/2025-focused-visit.md";
      assert.is(git(project, ["ls-files", inspection]).trim(), "", "the inspection is not published");

      // The organisation published, the inspection is.
      await editorAt("/collections/organisations/entries/wessex-borough-council");
      await publishNow(page);
      await waitFor(
        () => git(project, ["ls-files", "content/organisations/wessex-borough-council.md"]).trim() !== "",
        "the organisation to be published",
      );
      await editorAt("/collections/inspections/entries/wessex-borough-council/2025-focused-visit");
      await publishNow(page);
      await waitFor(() => git(project, ["ls-files", inspection]).trim() !== "", "the inspection to be published");
    });
    assert.equal(checkContent(project).problems.map(formatProblem), [], "both pass npm run check");
  },
);

cms(
  "the built /admin/ loads under its own policy from _headers, and every other page keeps the strict one",
  async () => {
    await startOnce();
    const site = join(project, "site");
    if (!existsSync(join(site, "_headers"))) buildProject();
    const headers = parseHeadersFile(readFileSync(join(site, "_headers"), "utf8"));
    const policies = (path: string) => headersFor(headers, path)["Content-Security-Policy"];
    for (const path of [
      "/",
      "/index.html",
      "/organisations/oxfordshire/",
      "/search/",
      "/assets/search.js",
      "/pagefind/pagefind.js",
      "/404.html",
      "/sitemap.xml",
    ])
      assert.is(policies(path), contentSecurityPolicy(), path);
    const adminPolicy = adminContentSecurityPolicy({
      connect: ["https://api.github.com"],
      images: ["https://avatars.githubusercontent.com"],
    });
    for (const path of ["/admin/", "/admin/config.yml", "/admin/decap-cms.js"])
      assert.is(policies(path), adminPolicy, path);
    assert.match(
      readFileSync(join(site, "admin/config.yml"), "utf8"),
      /backend:\n {2}name: github\n {2}repo: example\/inspection-explainers\n {2}branch: main\n/,
    );

    const server = await serveFolder(site);
    servers.push(server);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const context = await (await browser()).newContext();
    await context.route("**/*", async (route) => {
      const response = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(headers, path) } });
    });
    const { page, problems } = await watchedPage(context);
    try {
      await page.goto(`${origin}/admin/`);
      await page.getByRole("button", { name: "Login with GitHub" }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(testOutput, "cms-admin-login.png") });
      const seen = await problems();
      if (seen.length) fail(`/admin/ broke its policy or failed:\n  ${seen.join("\n  ")}`);
    } finally {
      await context.close();
    }
  },
);

cms("npm run cms answers only its own page: another site's request and another host name are refused", async () => {
  const secret = await pageSecret();
  const api = new URL("/api/v1", admin).href;
  const body = JSON.stringify({ action: "info", params: {} });
  const own = await fetch(api, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", Origin: new URL(admin).origin, "X-CMS-Session": secret },
  });
  assert.is(own.status, 200);
  const foreign = await fetch(api, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", Origin: "https://attacker.example", "X-CMS-Session": secret },
  });
  assert.is(foreign.status, 403);
  // As after DNS rebinding: the browser thinks it is talking to attacker.example.
  const rebound = await new Promise<number>((done, failed) => {
    const sent = httpRequest(
      api,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Host: "attacker.example", "X-CMS-Session": secret },
      },
      (response) => {
        response.resume();
        done(response.statusCode ?? 0);
      },
    );
    sent.once("error", failed);
    sent.end(body);
  });
  assert.is(rebound, 403);
  const page = await fetch(admin);
  assert.is(page.status, 200);
  assert.is(page.headers.get("content-security-policy"), adminContentSecurityPolicy());
  assert.not.match(await page.text(), secret, "a link already used gives the page without the secret");
});

cms("deleting a published file that others name is refused, with what check would find", async () => {
  const secret = await pageSecret();
  const file = "content/organisations/wessex-police.md";
  const response = await fetch(new URL("/api/v1", admin), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: new URL(admin).origin, "X-CMS-Session": secret },
    body: JSON.stringify({
      action: "deleteFiles",
      params: { branch: "main", paths: [file], options: { commitMessage: "Delete" } },
    }),
  });
  assert.is(response.status, 422);
  const { error } = (await response.json()) as { error: string };
  assert.match(error, "Not deleted: without this file, npm run check would find 2 problems.");
  assert.match(error, "There is no organisation 'wessex-police' in content/organisations/.");
  assert.ok(existsSync(join(project, file)));
});

cms(
  "deleting a published inspection goes through review: a draft that deletes it, published like any change",
  async () => {
    const page = await editorAt("/collections/inspections/entries/oxfordshire/2025-standard");
    const draft = "cms/inspections/oxfordshire/2025-standard";
    await pictured("delete", async () => {
      page.once("dialog", (dialog) => void dialog.accept());
      await page.getByRole("button", { name: "Delete published entry" }).click();
      await waitFor(() => git(project, ["branch", "--list", draft]).trim() !== "", "the draft that deletes it");
      assert.is(git(project, ["ls-files", NEW_FILE]).trim(), NEW_FILE, "still published until the draft is");
      assert.ok(existsSync(join(project, NEW_FILE)));
      await editorAt("/collections/inspections/entries/oxfordshire/2025-standard");
      await page.getByText("This draft deletes this entry", { exact: false }).waitFor({ timeout: 30_000 });
      await publishNow(page);
      await waitFor(
        () =>
          git(project, ["ls-files", NEW_FILE]).trim() === "" && git(project, ["branch", "--list", draft]).trim() === "",
        "the deletion to be published",
      );
    });
    assert.not.ok(existsSync(join(project, NEW_FILE)), "gone from the working tree too");
  },
);

cms(
  "the editor's own changes were never committed, stashed, overwritten or lost, and the terminal said so",
  async () => {
    // Publishing a change to the very file the editor is still editing is refused, saying so, and nothing is done.
    const page = await editorAt("/collections/organisations/entries/oxfordshire");
    await pictured("local", async () => {
      await field(page, "Region").fill("South West");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await publishNow(page);
      await page
        .getByText(`${LOCAL_EDIT} has changes of yours that are not committed`, { exact: false })
        .first()
        .waitFor({ timeout: 30_000 });
    });
    assert.match(git(project, ["show", `main:${LOCAL_EDIT}`]), "region: South East");
    const said = printed();
    assert.match(said, "These changes of yours are not committed. The content manager will not touch them");
    assert.match(said, ` M ${LOCAL_EDIT}`);
    assert.match(said, `?? ${LOCAL_NOTE}`);
    const status = git(project, ["status", "--porcelain"]).split("\n").filter(Boolean);
    assert.ok(status.includes(` M ${LOCAL_EDIT}`), status.join("\n"));
    assert.ok(status.includes(`?? ${LOCAL_NOTE}`), status.join("\n"));
    assert.ok(readFileSync(join(project, LOCAL_EDIT), "utf8").endsWith(EDITED_LINE), "the edit is still in the file");
    assert.not.match(git(project, ["show", `main:${LOCAL_EDIT}`]), "A sentence the editor is still writing.");
    assert.is(git(project, ["stash", "list"]), "", "nothing stashed");
    assert.not.match(git(project, ["log", "--all", "--format=%H", "--", LOCAL_NOTE]), /\w/, "the note never committed");
  },
);

cms.run();
