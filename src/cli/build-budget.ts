/**
 * The budget of a build, measured in its staging folder before it is swapped in: printed
 * in the build's summary (or as JSON with `--json`), and set beside the limits of the host
 * named by `--host` or site.yaml's `host`. A site that does not fit is not swapped in: the
 * previous site stays as it was. docs/publishing.md.
 */
import { type Budget, budgetSummary, measureOutput, type OverLimit, overLimits } from "../publishing/budget.ts";
import { type Host, hostById } from "../publishing/hosts.ts";
import type { FitOutcome } from "../publishing/fit.ts";

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
  if (verdict.host && verdict.over.length === 0) lines.push(`  fits the limits of ${verdict.host.name}.`);
  if (verdict.host?.note) lines.push(`  ${verdict.host.note}`);
  return lines.join("\n");
}

/** The refusal when the site does not fit its host: every figure over, and what to change; `predicted` when no picture was drawn (the plan's figures). */
export function refusalText(verdict: BudgetVerdict, predicted = false, searched = true): string {
  const name = verdict.host?.name ?? "the host";
  const planned = `, as planned before drawing its pictures${searched ? "" : " or indexing it for search (which would only add to it)"}, with everything that may be left out left out`;
  return [
    `The site does not fit the limits of ${name} (docs/publishing.md, "Hosts and their limits")${predicted ? planned : ""}:`,
    ...verdict.over.map((over) => `- ${over.message}`),
  ].join("\n");
}

/**
 * The verdict as the JSON `npm run build -- --json` prints; `fit`, how the build fitted its
 * host (src/publishing/fit.ts): the setting chosen (null when none was predicted to fit),
 * each candidate planned with its predicted budget, the builds made again, and the plan.
 */
export function verdictJson(verdict: BudgetVerdict, built: boolean, fit?: FitOutcome): string {
  return JSON.stringify(
    {
      built,
      budget: verdict.budget,
      host: verdict.host ? { id: verdict.host.id, name: verdict.host.name, limits: verdict.host.limits } : null,
      over: verdict.over,
      fit: fit?.planned.length
        ? {
            chosen: fit.chosen ?? null,
            planned: fit.planned.map((step) => ({ setting: step.setting, fits: step.fits, predicted: step.predicted })),
            rebuilt: fit.rebuilt,
            plan: fit.plan ?? null,
          }
        : null,
    },
    null,
    2,
  );
}
