/**
 * The budget of a build, measured in its staging folder before it is swapped in: printed
 * in the build's summary (or as JSON with `--json`), and set beside the limits of the host
 * named by `--host` or site.yaml's `host`. A site that does not fit is not swapped in: the
 * previous site stays as it was. docs/publishing.md.
 */
import { type Budget, budgetSummary, measureOutput, type OverLimit, overLimits } from "../publishing/budget.ts";
import { type Host, hostById } from "../publishing/hosts.ts";
import type { SharingSetting } from "../model/site-settings.ts";

export interface BudgetVerdict {
  budget: Budget;
  host: Host | undefined;
  over: OverLimit[];
}

/** The budget of `folder` and what of it is over `hostId`'s limits (none without a host). */
export function budgetVerdict(folder: string, hostId: string | undefined): BudgetVerdict {
  const budget = measureOutput(folder);
  const host = hostById(hostId);
  return { budget, host, over: host ? overLimits(budget, host) : [] };
}

/** What the build prints of its verdict: the summary, and the host's verdict when one is named. */
export function verdictText(verdict: BudgetVerdict): string {
  const lines = [budgetSummary(verdict.budget)];
  if (verdict.host && verdict.over.length === 0) lines.push(`  fits ${verdict.host.name}'s limits.`);
  if (verdict.host?.note) lines.push(`  ${verdict.host.note}`);
  return lines.join("\n");
}

/** The refusal when the site does not fit its host: every figure over, and what to change. */
export function refusalText(verdict: BudgetVerdict): string {
  const name = verdict.host?.name ?? "the host";
  return [
    `The site does not fit ${name}'s limits (docs/publishing.md, "Hosts and their limits"):`,
    ...verdict.over.map((over) => `- ${over.message}`),
  ].join("\n");
}

/**
 * The verdict as the JSON `npm run build -- --json` prints; `fit`, the steps the build took
 * to fit its host (src/publishing/fit.ts), each with what it shared and its budget's sharing files.
 */
export function verdictJson(
  verdict: BudgetVerdict,
  built: boolean,
  fit: readonly { sharing: SharingSetting; budget: Budget }[] = [],
): string {
  return JSON.stringify(
    {
      built,
      budget: verdict.budget,
      host: verdict.host ? { id: verdict.host.id, name: verdict.host.name, limits: verdict.host.limits } : null,
      over: verdict.over,
      fit: fit.map((step) => ({ sharing: step.sharing, sharingFiles: step.budget.sharing })),
    },
    null,
    2,
  );
}
