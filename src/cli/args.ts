/** The little argument parsing the command-line tools share: `--name value` and `--flag`. */
import { parseArgs } from "node:util";

export type ArgSpec = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

export function readArgs<S extends ArgSpec>(spec: S, usage: string, argv = process.argv.slice(2)) {
  try {
    return parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}
