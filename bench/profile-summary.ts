/**
 * Summarises a `.cpuprofile` from `node --cpu-prof`: the functions with the most self
 * time, and the most inclusive time (self plus everything they called), each with file
 * and line. For finding what stands out without opening DevTools.
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx src/cli/build.ts --content <dir> --output <dir>
 *   npx tsx bench/profile-summary.ts prof/<file>.cpuprofile [--top 30] [--filter src/]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Row {
  name: string;
  self: number;
  total: number;
}

const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\//, "~/")
    .replace(/^.*\/(src|bench|layouts)\//, "$1/");
  return `${functionName || "(anonymous)"} ${file ? `${file}:${lineNumber + 1}` : ""}`.trim();
};

/** Milliseconds of self and inclusive time per function (recursion counted once). */
export function summarise(profile: Profile): Row[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
  );
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const rows = new Map<string, Row>();
  const row = (name: string) => rows.get(name) ?? rows.set(name, { name, self: 0, total: 0 }).get(name)!;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    row(label(node)).self += ms;
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const name = label(byId.get(current)!);
      if (seen.has(name)) continue;
      seen.add(name);
      row(name).total += ms;
    }
  }
  return [...rows.values()];
}

/** Stacks (up to four frames) that lead into functions whose label contains `needle`, with their time. */
export function callersOf(profile: Profile, needle: string): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const result = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      if (!label(byId.get(current)!).includes(needle)) continue;
      const stack: string[] = [];
      for (let up = parent.get(current); up !== undefined && stack.length < 4; up = parent.get(up))
        stack.push(label(byId.get(up)!));
      const key = stack.join(" < ");
      result.set(key, (result.get(key) ?? 0) + ms);
      break;
    }
  });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: { top: { type: "string", default: "30" }, filter: { type: "string" }, callers: { type: "string" } },
    allowPositionals: true,
  });
  const top = Number(values.top);
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
    const rows = summarise(profile).filter((row) => !values.filter || row.name.includes(values.filter));
    const total = (profile.endTime - profile.startTime) / 1000;
    const print = (title: string, key: "self" | "total") => {
      console.log(`\n${title} (profile ${Math.round(total)} ms)`);
      for (const entry of [...rows].sort((a, b) => b[key] - a[key]).slice(0, top)) {
        console.log(`${entry[key].toFixed(0).padStart(8)} ms  ${entry.name}`);
      }
    };
    console.log(`\n== ${file}`);
    if (values.callers) {
      console.log(`\nCallers of '${values.callers}' (inclusive ms)`);
      for (const [name, ms] of [...callersOf(profile, values.callers)].sort((a, b) => b[1] - a[1]).slice(0, top))
        console.log(`${ms.toFixed(0).padStart(8)} ms  ${name}`);
      continue;
    }
    print("Self time", "self");
    print("Inclusive time", "total");
  }
}
