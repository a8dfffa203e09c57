/** The home page lists every organisation of a small site, and leads to the A to Z on a large one. */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Organisation } from "../../src/model/types.ts";
import { homeOrganisations, HOME_ORGANISATIONS_LIMIT, organisationList } from "../../src/render/lists.ts";

const test = suite("render: the home page's organisations");

const organisations = (count: number): Organisation[] =>
  Array.from(
    { length: count },
    (_, index) =>
      ({
        id: `council-${index}`,
        name: `Council ${index}`,
        kind: "Local authority",
        inspections: [],
      }) as unknown as Organisation,
  );

test("a small site lists them all, as the A to Z does", () => {
  const few = organisations(HOME_ORGANISATIONS_LIMIT);
  assert.is(homeOrganisations(few).toString(), organisationList(few).toString());
});

test("a large site says how many there are and links to the A to Z, by region (when known) and by type", () => {
  const page = homeOrganisations(organisations(5000)).toString();
  assert.is(
    page,
    '<p>5,000 organisations, each with its timeline of inspections.</p>\n<ul class="inline-list"><li><a href="/organisations/">All organisations, A to Z</a></li><li><a href="/organisations/#by-kind">By type</a></li></ul>',
  );
  assert.not.match(page, "council-1");
  const withRegions = organisations(5000).map((organisation) => ({ ...organisation, region: "North" }));
  assert.match(homeOrganisations(withRegions).toString(), '<a href="/organisations/#by-region">By region</a>');
});

test.run();
