import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../fixtures/content.ts";
import { badInput, I2018, lineIn } from "../corpus.ts";

const PEEL_2022 = "content/inspections/wessex-police/2022-peel-inspection.md";
const POLICE_ILACS = "content/inspections/wessex-police/2018-short-inspection.md";
const COUNCIL_PEEL = "content/inspections/oxfordshire/2022-peel-inspection.md";
const toPolice = (text: string) => text.replace("organisation: oxfordshire", "organisation: wessex-police");
const toCouncil = (text: string) => text.replace("organisation: wessex-police", "organisation: oxfordshire");

export default badInput({
  what: "a framework used for a kind of organisation it is not used for: an ILACS inspection of a police force, a PEEL inspection of a council",
  files: {
    [POLICE_ILACS]: toPolice(sample(I2018)),
    [COUNCIL_PEEL]: toCouncil(sample(PEEL_2022)),
  },
  problems: [
    {
      file: COUNCIL_PEEL,
      line: lineIn(PEEL_2022, "framework:"),
      field: "framework",
      says: [
        "PEEL 2021 (HMICFRS) is used for organisations of kind 'Police force'",
        "Oxfordshire County Council (content/organisations/oxfordshire.md) is of kind 'Upper-tier local authority'",
      ],
      fix: "On 2022-05-09 ILACS 2018 ('ofsted-ilacs-2018', Ofsted) was in force for organisations of kind 'Upper-tier local authority'",
    },
    {
      file: POLICE_ILACS,
      line: lineIn(I2018, "framework:"),
      field: "framework",
      says: "ILACS 2018 (Ofsted) is used for organisations of kind 'Local authority', 'Upper-tier local authority'",
      fix: [
        "On 2018-04-16 PEEL 2018/19 ('hmicfrs-peel-2018', HMICFRS) was in force",
        "add 'Police force' to 'appliesTo' in frameworks/ofsted-ilacs-2018.yaml",
      ],
    },
  ],
  build: 1,
});

function sample(path: string): string {
  return readFileSync(join(projectRoot, path), "utf8");
}
