/**
 * Every page type of the sample site (page-types.ts), in Chromium:
 *   (a) no axe-core violations of WCAG 2.2 A and AA, in light and in dark mode;
 *   (b) the content is there with JavaScript off;
 *   (c) no horizontal scrolling at 320 px;
 *   (d) keyboard focus is visible: the skip link, then a link inside <main>;
 *   (e) full-page screenshots at 390 and 1280 px in test-output/screenshots/.
 *
 * To keep the run short each page is loaded as few times as possible: one browser page
 * (JavaScript on) goes through every page type, resizing and switching colour scheme as it
 * goes, and a second one with JavaScript off reads the text. A few such workers share the
 * page types. Each check records its problems, and one uvu test per page and check
 * reports them, so a failure names the page and the check.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { suite } from "uvu";
import { PAGE_TYPES, type PageType } from "./page-types.ts";
import {
  axeScript,
  axeViolations,
  browser,
  describeViolations,
  fail,
  servedSite,
  shareResources,
  testOutput,
  type ServedSite,
} from "./support.ts";

const CHECKS = ["axe-light", "axe-dark", "no-js", "narrow-320", "focus-390", "focus-1280", "screenshots"] as const;
type Check = (typeof CHECKS)[number];
/** What is wrong, one entry per problem (each may span lines); empty when the check passes. */
type Problems = string[];
type Audit = Record<Check, Problems>;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const screenshotFolder = join(testOutput, "screenshots");

async function open(page: Page, site: ServedSite, path: string): Promise<void> {
  const response = await page.goto(site.url(path), { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? "nothing"}`);
}

/** Runs a check; an exception becomes its one problem. */
async function attempt(check: () => Promise<Problems>): Promise<Problems> {
  try {
    return await check();
  } catch (error) {
    return [`The check could not finish: ${(error as Error).message}`];
  }
}

// ---------------------------------------------------------------------------------------
// (a) axe-core

async function axeProblems(page: Page, colorScheme: "light" | "dark"): Promise<Problems> {
  await page.emulateMedia({ colorScheme });
  const violations = await axeViolations(page);
  return violations.length
    ? [`${violations.length} axe-core violation(s) in ${colorScheme} mode:\n${describeViolations(violations)}`]
    : [];
}

/** The page's text and background colours, to tell that dark mode took effect. */
function colours(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    return `${body.color} on ${body.backgroundColor} / ${root.backgroundColor}`;
  });
}

// ---------------------------------------------------------------------------------------
// (b) the content with JavaScript off

async function textProblems(page: Page, site: ServedSite, pageType: PageType): Promise<Problems> {
  await open(page, site, pageType.path);
  const plain = (await page.innerText("body")).replace(/\s+/g, " ");
  const missing = pageType.texts
    .map((wanted) => (Array.isArray(wanted) ? wanted : [wanted]))
    .filter((anyOf) => !anyOf.some((wanted) => plain.includes(wanted)))
    .map((anyOf) => anyOf.map((wanted) => JSON.stringify(wanted)).join(" or "));
  const problems: Problems = missing.length
    ? [`With JavaScript off the page does not show ${missing.join(", ")}. It reads:\n${plain.slice(0, 1500)}`]
    : [];
  // Text escaped twice shows its entities to readers (and to search engines, in the description).
  const shown = {
    title: await page.title(),
    "meta description": (await page.getAttribute('meta[name="description"]', "content")) ?? "",
    text: plain,
  };
  for (const [where, value] of Object.entries(shown)) {
    const entity = /.{0,40}&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);.{0,20}/i.exec(value);
    if (entity) problems.push(`The ${where} shows an HTML entity literally (escaped twice?): "${entity[0]}"`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// (c) 320 px

async function narrowProblems(page: Page, site: ServedSite, path: string): Promise<Problems> {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, site, path);
  const found = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const over = new Set<Element>();
    if (scrollWidth > limit) {
      for (const element of Array.from(document.body.querySelectorAll("*"))) {
        if (element.getBoundingClientRect().right <= limit + 0.5) continue;
        // Inside a box that scrolls or clips, an element cannot widen the page.
        let clipped = false;
        for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== "visible") {
            clipped = true;
            break;
          }
        }
        if (!clipped) over.add(element);
      }
    }
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    const described = new Map<Element, { element: string; right: number; width: number; text: string }>();
    for (const element of over) {
      const box = element.getBoundingClientRect();
      const id = element.id ? `#${element.id}` : "";
      const classes = Array.from(element.classList, (name) => `.${name}`).join("");
      const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50);
      described.set(element, {
        element: element.tagName.toLowerCase() + id + classes,
        right: Math.round(box.right),
        width: Math.round(box.width),
        text,
      });
    }
    const all = Array.from(over);
    // The outermost boxes that stick out, widest first, and the innermost ones (the likely cause).
    const outermost = all
      .filter((element) => !element.parentElement || !over.has(element.parentElement))
      .map((element) => described.get(element)!);
    const innermost = all
      .filter((element) => !Array.from(element.children).some((child) => over.has(child)))
      .map((element) => described.get(element)!);
    outermost.sort((x, y) => y.right - x.right || y.width - x.width);
    innermost.sort((x, y) => y.right - x.right || y.width - x.width);
    return { scrollWidth, outermost: outermost.slice(0, 4), innermost: innermost.slice(0, 4) };
  });
  if (found.scrollWidth <= 320) return [];
  const list = (items: { element: string; right: number; width: number; text: string }[]) =>
    items.map((c) => `    ${c.element}: ${c.width}px wide, right edge at ${c.right}px ("${c.text}")`).join("\n");
  return [
    `At 320 px the page is ${found.scrollWidth}px wide and scrolls sideways.\n` +
      `  Widest boxes past the right edge:\n${list(found.outermost)}\n  Innermost elements past the right edge:\n${list(found.innermost)}`,
  ];
}

// ---------------------------------------------------------------------------------------
// (d) keyboard focus

interface Focused {
  tag: string;
  href: string | null;
  text: string;
  inMain: boolean;
  outline: string;
  outlineVisible: boolean;
  boxShadow: string;
  box: string;
  inViewport: boolean;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || !(element instanceof HTMLElement)) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const transparent = style.outlineColor === "transparent" || /rgba\(.*,\s*0\)$/.test(style.outlineColor);
    return {
      tag: element.tagName.toLowerCase() + (element.className ? `.${element.className.split(/\s+/).join(".")}` : ""),
      href: element.getAttribute("href"),
      text: (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 50),
      inMain: element.closest("main") !== null,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineVisible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !transparent,
      boxShadow: style.boxShadow,
      box: `${Math.round(box.width)}x${Math.round(box.height)} at (${Math.round(box.left)}, ${Math.round(box.top)})`,
      inViewport:
        box.width > 0 &&
        box.height > 0 &&
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= innerWidth &&
        box.bottom <= innerHeight,
    };
  });
}

function focusVisibility(element: Focused, what: string): Problems {
  const problems: Problems = [];
  if (!element.outlineVisible && element.boxShadow === "none") {
    problems.push(
      `${what}, ${element.tag} "${element.text}", shows no focus indicator (outline: ${element.outline}; box-shadow: none)`,
    );
  }
  if (!element.inViewport)
    problems.push(
      `${what}, ${element.tag} "${element.text}", is not inside the viewport when focused (${element.box})`,
    );
  return problems;
}

/** On a freshly loaded page that nothing has focused yet. */
async function focusProblems(page: Page): Promise<Problems> {
  await page.keyboard.press("Tab");
  const skip = await focused(page);
  if (!skip) return ["The first Tab focused nothing"];
  if (skip.href !== "#main")
    return [`The first Tab should land on the skip link (href="#main"), not on ${skip.tag} "${skip.text}"`];
  const problems = focusVisibility(skip, "The skip link");

  const target = await page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return "no <main>";
    if (main.querySelector("a[href]")) return "a link";
    return main.querySelector("[tabindex='0'], button, input, select, textarea, summary") ? "a control" : "nothing";
  });
  if (target === "no <main>") return [...problems, "The page has no <main>"];
  if (target !== "nothing") {
    let reached: Focused | null = null;
    for (let presses = 0; presses < 60 && !reached; presses++) {
      await page.keyboard.press("Tab");
      const now = await focused(page);
      if (now?.inMain && (target === "a control" || now.href !== null)) reached = now;
    }
    if (reached) problems.push(...focusVisibility(reached, `The first ${target} in <main>`));
    else problems.push(`60 presses of Tab did not reach ${target} inside <main>`);
  }

  // The skip link does its job: following it moves focus to <main>.
  await page.focus('a[href="#main"]');
  await page.keyboard.press("Enter");
  const after = await page.evaluate(() => document.activeElement?.id ?? "");
  if (after !== "main")
    problems.push(`Following the skip link moved focus to "${after || "the body"}", not to <main id="main">`);
  return problems;
}

// ---------------------------------------------------------------------------------------
// Running the audits

const audits = new Map<string, Promise<Audit>>();
let started = false;

/** The same problems for every check (each its own copy). */
function everyCheck(problems: Problems): Audit {
  return Object.fromEntries(CHECKS.map((check) => [check, [...problems]])) as Audit;
}

async function auditPage(scripted: Page, unscripted: Page, site: ServedSite, pageType: PageType): Promise<Audit> {
  const { path, name } = pageType;
  const failedRequests: string[] = [];
  const onResponse = (response: { status(): number; url(): string }) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  };
  const screenshot = async (width: number): Promise<Problems> => {
    await scripted.screenshot({ path: join(screenshotFolder, `${name}-${width}.png`), fullPage: true });
    return [];
  };
  scripted.on("response", onResponse);
  try {
    // Desktop: screenshot first (before anything has focus), then axe, then the keyboard.
    const audit = everyCheck([]);
    await scripted.emulateMedia({ colorScheme: "light" });
    await scripted.setViewportSize(DESKTOP);
    const desktop = await attempt(async () => (await open(scripted, site, path), []));
    const shots = desktop.length ? [...desktop] : await attempt(() => screenshot(DESKTOP.width));
    const axeLoaded = desktop.length
      ? desktop
      : await attempt(async () => (await scripted.addScriptTag({ path: axeScript }), []));
    audit["axe-light"] = axeLoaded.length ? [...axeLoaded] : await attempt(() => axeProblems(scripted, "light"));
    const lightColours = await colours(scripted).catch(() => "");
    audit["axe-dark"] = axeLoaded.length ? [...axeLoaded] : await attempt(() => axeProblems(scripted, "dark"));
    const darkColours = await colours(scripted).catch(() => "");
    if (lightColours && lightColours === darkColours) {
      audit["axe-dark"].push(
        `prefers-color-scheme: dark changed nothing (page colours stay ${lightColours}), so dark mode was not tested`,
      );
    }
    await scripted.emulateMedia({ colorScheme: "light" });
    audit["focus-1280"] = desktop.length ? [...desktop] : await attempt(() => focusProblems(scripted));

    // Phone
    await scripted.setViewportSize(PHONE);
    const phone = await attempt(async () => (await open(scripted, site, path), []));
    shots.push(...(phone.length ? phone : await attempt(() => screenshot(PHONE.width))));
    audit["focus-390"] = phone.length ? [...phone] : await attempt(() => focusProblems(scripted));
    if (failedRequests.length) shots.push(`Files the page asks for are missing:\n  ${failedRequests.join("\n  ")}`);
    audit.screenshots = shots;

    audit["narrow-320"] = await attempt(() => narrowProblems(scripted, site, path));
    audit["no-js"] = await attempt(() => textProblems(unscripted, site, pageType));
    return audit;
  } finally {
    scripted.off("response", onResponse);
  }
}

/** Browser pages working through the page types side by side. */
const WORKERS = 3;

/** Starts auditing every page type (once), WORKERS at a time. Every audit settles, even when Chromium fails. */
function startAudits(): void {
  if (started) return;
  started = true;
  const settle = new Map<string, (audit: Audit) => void>();
  for (const pageType of PAGE_TYPES)
    audits.set(pageType.name, new Promise((resolve) => settle.set(pageType.name, resolve)));
  const queue = [...PAGE_TYPES];

  const worker = async (chromium: Browser, site: ServedSite): Promise<void> => {
    const contexts: BrowserContext[] = [];
    let current: PageType | undefined;
    try {
      const scriptedContext = await chromium.newContext({ viewport: DESKTOP, colorScheme: "light" });
      contexts.push(scriptedContext);
      const unscriptedContext = await chromium.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
      contexts.push(unscriptedContext);
      const scripted = await scriptedContext.newPage();
      const unscripted = await unscriptedContext.newPage();
      for (current = queue.shift(); current; current = queue.shift()) {
        settle.get(current.name)!(await auditPage(scripted, unscripted, site, current));
      }
    } catch (error) {
      // This worker's browser page is gone: its page type and those still waiting fail with the reason.
      for (const pageType of [...(current ? [current] : []), ...queue.splice(0)])
        settle.get(pageType.name)!(everyCheck([(error as Error).message]));
    } finally {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    }
  };

  void (async () => {
    try {
      mkdirSync(screenshotFolder, { recursive: true });
      const [chromium, site] = await Promise.all([browser(), servedSite()]);
      await Promise.all(Array.from({ length: WORKERS }, () => worker(chromium, site)));
    } catch (error) {
      for (const pageType of PAGE_TYPES) settle.get(pageType.name)!(everyCheck([(error as Error).message]));
    }
  })();
}

async function problemsOf(pageType: PageType, check: Check): Promise<Problems> {
  startAudits();
  return (await audits.get(pageType.name)!)[check];
}

// ---------------------------------------------------------------------------------------
// The suites: one test per page type and check

const SUITES: { title: string; checks: Check[] }[] = [
  { title: "browser: axe-core WCAG 2.2 A and AA, light mode", checks: ["axe-light"] },
  { title: "browser: axe-core WCAG 2.2 A and AA, dark mode", checks: ["axe-dark"] },
  { title: "browser: the content is there with JavaScript off", checks: ["no-js"] },
  { title: "browser: no horizontal scrolling at 320 px", checks: ["narrow-320"] },
  { title: "browser: keyboard focus is visible", checks: ["focus-390", "focus-1280"] },
  { title: "browser: screenshots at 390 and 1280 px", checks: ["screenshots"] },
];

for (const { title, checks } of SUITES) {
  const test = suite(title);
  shareResources(test);
  for (const pageType of PAGE_TYPES) {
    for (const check of checks) {
      const label = checks.length > 1 ? ` (${check})` : "";
      test(`${pageType.name} ${pageType.path}${label}`, async () => {
        const problems = await problemsOf(pageType, check);
        if (problems.length) fail(`${pageType.path}${label}:\n${problems.join("\n")}`);
      });
    }
  }
  test.run();
}
