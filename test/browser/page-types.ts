/**
 * Every page type of the sample site the browser suite checks, with texts that must be on
 * the page with JavaScript off. Add a page type by adding a line: every check in
 * pages.test.ts (axe light and dark, no-JS content, 320 px, keyboard focus, screenshots)
 * runs for it.
 *
 * A text is matched exactly after collapsing white space; an array means "any of these".
 */
export interface PageType {
  /** Used in test names and screenshot file names: lower case and hyphens. */
  name: string;
  /** Path on the site, with a trailing slash. */
  path: string;
  texts: (string | string[])[];
}

export const PAGE_TYPES: PageType[] = [
  {
    name: "home",
    path: "/",
    texts: [
      "Inspection explainers",
      "Latest inspections",
      "Good in all five areas, up from 'requires improvement' for help and protection in 2018.",
    ],
  },
  {
    name: "organisations",
    path: "/organisations/",
    texts: ["Oxfordshire County Council", "Wessex Police (fictional example)"],
  },
  {
    name: "organisations-by-kind",
    path: "/types/upper-tier-local-authority/",
    texts: [
      "Upper-tier local authority: every organisation of this type",
      "Oxfordshire County Council",
      "The ratings in force across the organisations of this type",
    ],
  },
  {
    name: "national-by-region",
    path: "/national/regions/south-east/",
    texts: ["Ratings in force in South East", "The national picture, for the organisations in South East only"],
  },
  {
    name: "organisation-timeline",
    path: "/organisations/oxfordshire/",
    texts: [
      "Oxfordshire County Council",
      "Ratings in force",
      "As at 9 April 2024, the date of the latest report on this site",
      "Timeline",
      "2015-16",
      "Ofsted focused visit, 2020",
      "12 to 23 February 2024",
    ],
  },
  {
    name: "explainer-comparison",
    path: "/organisations/oxfordshire/2024-standard-inspection/",
    texts: [
      "Ofsted standard inspection, 2024",
      "Good in all five areas, up from 'requires improvement' for help and protection in 2018.",
      ["used to be", "part of one judgement"],
      "What changed since last time",
      "Act sooner once children are escalated to pre-proceedings",
      "testament to the incredible hard work",
      "Councillor John Howson",
    ],
  },
  {
    name: "explainer-with-figures",
    path: "/organisations/oxfordshire/2018-short-inspection/",
    texts: [
      "Ofsted short inspection, 2018",
      "down from 'good' for help and protection in 2014",
      "Early-help assessments",
      "Children in care in Oxfordshire",
    ],
  },
  {
    name: "explainer-ungraded",
    path: "/organisations/oxfordshire/2020-focused-visit/",
    texts: ["Ofsted focused visit, 2020", "Focused visits are not graded.", "nothing to compare"],
  },
  {
    name: "explainer-not-comparable",
    path: "/organisations/wessex-police/2022-peel-inspection/",
    texts: ["cannot be compared with 2019", "Not compared", "five-point scale", "four-point scale"],
  },
  {
    name: "inspections",
    path: "/inspections/",
    texts: [
      "All inspections",
      "Ofsted · 12 to 23 February 2024 · Standard inspection · overall effectiveness: good",
      "Ofsted · 2020 · Focused visit · not graded",
    ],
  },
  {
    name: "inspections-filtered",
    path: "/inspections/inspectorate/ofsted/",
    texts: ["Inspections by Ofsted", "12 to 23 February 2024 · Standard inspection · overall effectiveness: good"],
  },
  {
    name: "national",
    path: "/national/",
    texts: [
      "The national picture",
      "Overall effectiveness",
      "Which inspections count:",
      "Good or better: 1 of the 1 organisation",
    ],
  },
  {
    name: "national-as-at",
    path: "/national/2019-03-31/",
    texts: [
      "The national picture as at 31 March 2019",
      "An inspection counts once its report is published",
      "Ofsted: 1 organisation",
    ],
  },
  {
    name: "national-changes",
    path: "/national/changes/",
    texts: ["How the national picture changed", "Children looked after and achieving permanence", "31 Mar 2024"],
  },
  {
    name: "frameworks",
    path: "/frameworks/",
    texts: ["Inspection frameworks", "ILACS 2023", "PEEL 2021"],
  },
  {
    name: "framework",
    path: "/frameworks/ofsted-ilacs-2023/",
    texts: [
      "ILACS 2023",
      "The experiences and progress of care leavers",
      "Requires improvement to be good",
      "What changed from the framework before",
      "Split",
    ],
  },
  {
    name: "grades",
    path: "/grades/",
    texts: ["What the grades mean", "Requires improvement to be good", "Adequate"],
  },
  {
    name: "open-data",
    path: "/data/",
    texts: ["Open data", "Columns of inspections", "OWASP recommends"],
  },
  {
    name: "search",
    path: "/search/",
    texts: ["Search", "Search runs in your browser and needs JavaScript", "Organisations A to Z"],
  },
];
