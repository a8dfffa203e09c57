/**
 * `npm run build`'s first stage in a process of its own (build-pages.ts says why): started
 * by build.ts with the stage as JSON in EXPLAINERS_PAGES_STAGE; says how it ended in its
 * exit code (STAGE_EXIT), and why on stderr.
 */
import { writeSitePages } from "./build-pages.ts";
import { exitCodeOf, type PagesStage } from "./build-stage.ts";

const given = process.env.EXPLAINERS_PAGES_STAGE;
if (!given) {
  console.error("build-pages-process.ts is started by npm run build (src/cli/build.ts), not on its own.");
  process.exit(2);
}
const result = await writeSitePages(JSON.parse(given) as PagesStage);
if (result.outcome !== "written") console.error(result.message);
process.exit(exitCodeOf(result));
