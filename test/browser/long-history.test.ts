/**
 * Pages at 20+ inspections, in Chromium at 320, 390 and 1280 px: a care service graded 40
 * times from 2009 (three times in 2025), imported through the shipped Care Inspectorate
 * mapping, and 130 nurseries of one type. Its grades-over-time charts print years that
 * never overlap, its table of grades never makes the page or its own box scroll sideways,
 * its inspections' links are never two alike, a page of a long list stays under 5,000 px at
 * 390 px, and axe-core finds nothing on either.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runImport } from "../../src/authoring/import/index.ts";
import { runBuild } from "../fixtures/build-site.ts";
import {
  axeScript,
  axeViolations,
  browser,
  describeViolations,
  projectRoot,
  serveFolder,
  shareResources,
} from "./support.ts";

const test = suite("browser: pages at 40 inspections and long lists");
shareResources(test);

const HEADER =
  "CSNumber,ServiceName,Publication_of_Latest_Grading,Last_inspection_Date,KQ_Support_Wellbeing,KQ_Care_and_Support_Planning,KQ_Setting,KQ_Staff_Team,KQ_Leadership,KQ_Care_Play_and_Learning,KQ_COVID19,KQ_CYP_Wellbeing,Quality_of_Information,Quality_of_Care_and_Support,Quality_of_Environment,Quality_of_Staffing,Quality_of_Mgmt_and_Lship";
const SERVICES_HEADER =
  "CSNumber,ServiceName,CareService,Subtype,ServiceType,Provided_by_Local_Authority,Council_Area_Name,Health_Board_Name,Registered_Places,ServiceStatus,last_seen_in_datastore,date_registered";

/** 40 gradings of one care home, 2009 to 2025, closer together as the years go on; quality themes, then key questions. */
function longHistoryRows(): string[] {
  const start = Date.parse("2009-03-02");
  const span = Date.parse("2025-03-03") - start;
  const days = Array.from({ length: 37 }, (_, index) =>
    new Date(start + Math.sqrt(index / 36) * span).toISOString().slice(0, 10),
  );
  days.push("2025-07-17", "2025-11-20", "2026-01-12");
  return days.map((day, index) => {
    const grade = (shift: number) => String(((index + shift) % 4) + 2);
    const keyQuestions = day >= "2019-01-01";
    const kq = keyQuestions ? [grade(0), grade(1), grade(2), grade(3), grade(1), "", "", ""] : Array(8).fill("");
    const themes = keyQuestions ? ["", "", "", "", ""] : ["", grade(0), grade(1), grade(2), grade(3)];
    return ["CS2099100001", "Long History Care Home", day, day, ...kq, ...themes].join(",");
  });
}

let work = "";
let server: Server | undefined;
let origin = "";
test.before(() => {
  work = mkdtempSync(join(tmpdir(), "explainers-long-history-"));
  const data = join(work, "data");
  mkdirSync(data);
  const nurseries = Array.from({ length: 130 }, (_, index) => `CS2099200${String(index).padStart(3, "0")}`);
  const name = (index: number) =>
    `${["Acorn", "Bluebell", "Little Stars", "St Mary's Family Centre"][index % 4]} Nursery ${index}`;
  writeFileSync(
    join(data, "gradings.csv"),
    [
      HEADER,
      ...longHistoryRows(),
      ...nurseries.map((id, index) => `${id},${name(index)},2024-05-0${(index % 9) + 1},2024-04-01,5,,4,5,4,5,,,,,,,`),
    ].join("\n") + "\n",
  );
  writeFileSync(
    join(data, "services.csv"),
    [
      SERVICES_HEADER,
      "CS2099100001,Long History Care Home,Care Home Service,Older People,Private,No,Example City,Example Health,40,Active,2026-02-28,01/04/2002",
      ...nurseries.map(
        (id, index) =>
          `${id},${name(index)},Day Care of Children,Day Care of Children (over 3s),Private,No,Example Shire,Example Health,30,Active,2026-02-28,05/06/2003`,
      ),
    ].join("\n") + "\n",
  );
  const content = join(work, "content");
  runImport({
    root: projectRoot,
    csv: join(data, "gradings.csv"),
    mapping: join(projectRoot, "mappings/care-inspectorate-scotland.yaml"),
    content,
  });
  const built = runBuild(["--content", content, "--output", join(work, "site"), "--no-search", "--no-images"]);
  if (built.status !== 0) throw new Error(`The build failed:\n${built.stderr}${built.stdout}`);
});
test.after(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(work, { recursive: true, force: true });
});

async function open(path: string, width: number): Promise<Page> {
  if (!server) {
    server = await serveFolder(join(work, "site"));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const page = await (await browser()).newPage({ viewport: { width, height: 800 } });
  const response = await page.goto(`${origin}${path}`);
  assert.is(response?.status(), 200, path);
  return page;
}

const SERVICE = "/organisations/long-history-care-home/";

for (const width of [320, 390, 1280]) {
  test(`the service's page at ${width} px: years apart, no sideways scrolling, links by date`, async () => {
    const page = await open(SERVICE, width);
    try {
      await page.click(".table-details summary");
      const measured = await page.evaluate(() => {
        // The first chart of a trajectory draws the axes (its years among them); the others use them.
        const all = [...document.querySelectorAll("svg.chart")];
        const charts = all.filter((svg) => svg.querySelector(".chart-year"));
        const sharing = all.filter((svg) => svg.querySelector("use")).length;
        const overlaps: string[] = [];
        for (const svg of charts) {
          const boxes = [...svg.querySelectorAll(".chart-year")].map((text) => text.getBoundingClientRect());
          const frame = svg.getBoundingClientRect();
          boxes.forEach((box, index) => {
            if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) overlaps.push(`outside: ${box.left}`);
            const next = boxes[index + 1];
            if (next && next.left < box.right) overlaps.push(`${box.right} > ${next.left}`);
          });
        }
        const scroll = document.querySelector(".trajectory-table")!.closest(".table-scroll")!;
        return {
          charts: all.length,
          sharing,
          years: charts[0]?.querySelectorAll(".chart-year").length ?? 0,
          overlaps,
          page: [document.documentElement.scrollWidth, window.innerWidth],
          table: [scroll.scrollWidth, scroll.clientWidth],
          rows: document.querySelectorAll(".trajectory-table tbody tr").length,
          links: [...document.querySelectorAll(".timeline a")].map((link) => link.textContent ?? ""),
        };
      });
      assert.ok(measured.charts >= 4, `${measured.charts} charts`);
      assert.is(measured.sharing, measured.charts - 1, "every chart after the first uses its axes");
      assert.ok(measured.years >= 4, `${measured.years} years on the axis`);
      assert.equal(measured.overlaps, []);
      assert.ok(measured.page[0]! <= measured.page[1]!, `the page scrolls sideways: ${measured.page}`);
      assert.ok(measured.table[0]! <= measured.table[1]! + 1, `the table scrolls sideways: ${measured.table}`);
      assert.is(measured.rows, 40);
      assert.is(measured.links.length, 40);
      assert.is(new Set(measured.links).size, 40, measured.links.join(" | "));
      assert.ok(
        measured.links.some((text) => text.endsWith(", 17 July 2025")),
        measured.links.join(" | "),
      );
    } finally {
      await page.close();
    }
  });
}

test("a page of a long list is under 5,000 px at 390 px, and every page of the type is linked from it", async () => {
  const page = await open("/types/day-care-of-children/", 390);
  try {
    const measured = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      listed: document.querySelectorAll(".organisation-rows li").length,
      pages: [...document.querySelectorAll(".page-list li")].map((item) => item.textContent ?? ""),
    }));
    assert.ok(measured.height <= 5000, `${measured.height} px`);
    assert.is(measured.listed, 30);
    assert.is(measured.pages.length, 5, measured.pages.join(" | "));
    assert.is(measured.pages[0], "Page 1, from Ac");
    assert.is(measured.pages[1], "Page 2, from Acorn Nurse…");
  } finally {
    await page.close();
  }
});

for (const path of [SERVICE, "/types/day-care-of-children/page-2/"]) {
  test(`axe-core finds nothing on ${path}, details open`, async () => {
    const page = await open(path, 390);
    try {
      if (path === SERVICE) await page.click(".table-details summary");
      await page.addScriptTag({ path: axeScript });
      const violations = await axeViolations(page);
      assert.is(violations.length, 0, describeViolations(violations));
    } finally {
      await page.close();
    }
  });
}

test.run();
