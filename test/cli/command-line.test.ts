/**
 * `explainers <command>` (bin/explainers.js -> src/cli/explainers.ts): --help on the whole
 * and on every command, one answer to misuse, the exit codes docs/command-line.md gives,
 * and the npm scripts calling the same command line.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { projectRoot } from "../fixtures/build-site.ts";

const BIN = join(projectRoot, "bin/explainers.js");
/** tsx's loader by its address, so that a process started in another folder finds it. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function explainers(args: string[], cwd = projectRoot) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: plainEnvironment(),
    // A command that should not have got as far as asking finds no terminal to ask on.
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** This environment without colour: the test runner's FORCE_COLOR would make Node warn on stderr. */
function plainEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  return env;
}

/** The commands the overall help lists, by their names in its "Commands:" block. */
function listedCommands(help: string): string[] {
  const block = help.slice(help.indexOf("Commands:\n") + "Commands:\n".length).split("\n\n")[0]!;
  return block.split("\n").map((line) => line.trim().split(/\s+/)[0]!);
}

const cli = suite("the command line: explainers <command>");
let empty = "";
cli.before(() => {
  empty = mkdtempSync(join(tmpdir(), "explainers-cli-"));
});
cli.after(() => rmSync(empty, { recursive: true, force: true }));

const overall = () => explainers(["--help"]);
let commands: string[] = [];

cli("explainers --help lists every command, the options every command takes, and the exit codes", () => {
  const result = overall();
  assert.is(result.status, 0, result.stderr);
  assert.is(result.stderr, "");
  assert.match(result.stdout, /^Usage: explainers <command> \[options\]/);
  commands = listedCommands(result.stdout);
  assert.equal([...commands].sort(), ["build", "check", "cms", "draft", "import", "new", "schemas", "start"]);
  assert.match(result.stdout, "Exit codes: 0 ok; 1 problems found");
  assert.match(result.stdout, "2 misused");
  // `help`, `-h`, and `help <command>` are the same.
  assert.is(explainers(["-h"]).stdout, result.stdout);
  assert.is(explainers(["help"]).stdout, result.stdout);
});

cli("every command answers --help (and -h) on stdout with exit 0, naming each option its usage shows", () => {
  for (const command of commands) {
    const result = explainers([command, "--help"], empty);
    assert.is(result.status, 0, `${command}: ${result.stderr}`);
    assert.is(result.stderr, "", command);
    assert.match(result.stdout, new RegExp(`^Usage: explainers ${command}`), command);
    assert.match(result.stdout, /\nExit codes: 0 [^]*2 misused/, command);
    const usage = result.stdout.slice(0, result.stdout.indexOf("\n\n"));
    const options = result.stdout.slice(result.stdout.indexOf("\nOptions:\n"));
    for (const [option] of usage.matchAll(/--[a-z-]+/g))
      assert.match(options, new RegExp(`\\n  ${option}[ ,]`), `${command} --help describes ${option}`);
    // Asked for help, a command does nothing else: the empty folder stays empty.
    assert.equal(readdirSync(empty), [], command);
  }
  const build = explainers(["build", "--help"], empty).stdout;
  assert.is(explainers(["build", "-h"], empty).stdout, build, "build -h");
  assert.is(explainers(["help", "build"], empty).stdout, build, "help build");
});

cli("an unknown option is misuse on every command: exit 2, the option probably meant, the usage, nothing done", () => {
  for (const command of commands) {
    const result = explainers([command, "--contnet", "content"], empty);
    assert.is(result.status, 2, `${command}: ${result.stdout}${result.stderr}`);
    assert.is(result.stdout, "", command);
    assert.match(result.stderr, "Unknown option --contnet. Did you mean --content?", command);
    assert.match(result.stderr, `Usage: explainers ${command}`, command);
    assert.match(result.stderr, `explainers ${command} --help says more`, command);
    assert.equal(readdirSync(empty), [], command);
  }
});

cli(
  "the bench (npm run bench, a clone's) answers --help with its usage and exit 0, and an unknown option with exit 2",
  () => {
    const bench = (args: string[]) =>
      spawnSync(process.execPath, ["--import", TSX_LOADER, join(projectRoot, "bench/run.ts"), ...args], {
        cwd: empty,
        encoding: "utf8",
        env: plainEnvironment(),
      });
    const help = bench(["--help"]);
    assert.is(help.status, 0, help.stderr);
    assert.is(help.stderr, "");
    assert.match(help.stdout, /^Usage: npm run bench -- /);
    assert.match(help.stdout, /\nExit codes: 0 [^]*2 misused/);
    assert.is(bench(["-h"]).stdout, help.stdout);
    const wrong = bench(["--sizs", "1000"]);
    assert.is(wrong.status, 2);
    assert.is(wrong.stdout, "");
    assert.match(wrong.stderr, /^Unknown option --sizs\. Did you mean --sizes\?\n\nUsage: npm run bench/);
    assert.equal(readdirSync(empty), [], "nothing was run");
  },
);

cli("an option without its value is misuse: exit 2, saying which", () => {
  const result = explainers(["build", "--output"], empty);
  assert.is(result.status, 2);
  assert.match(result.stderr, "--output needs a value after it.");
  assert.equal(readdirSync(empty), []);
});

cli("no command, or one that does not exist, is misuse: exit 2, with the commands named", () => {
  const none = explainers([]);
  assert.is(none.status, 2);
  assert.is(none.stdout, "");
  assert.match(none.stderr, "Usage: explainers <command>");
  const wrong = explainers(["buidl"]);
  assert.is(wrong.status, 2);
  assert.match(wrong.stderr, "There is no command 'buidl'. Did you mean explainers build?");
  const flagFirst = explainers(["--content", "content"]);
  assert.is(flagFirst.status, 2);
  assert.match(flagFirst.stderr, "Name a command before its options (got --content).");
});

cli("--version is the package's version", () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
  const result = explainers(["--version"]);
  assert.is(result.status, 0);
  assert.is(result.stdout.trim(), manifest.version);
});

cli("exit 0 when all is well, 1 when the content has problems, 2 when the folder named is not there", () => {
  const site = join(empty, "site");
  cpSync(join(projectRoot, "content"), join(site, "content"), { recursive: true });
  cpSync(join(projectRoot, "site.yaml"), join(site, "site.yaml"));
  try {
    assert.is(explainers(["check"], site).status, 0);
    const organisation = join(site, "content/organisations/oxfordshire.md");
    writeFileSync(organisation, readFileSync(organisation, "utf8").replace(/^name:/m, "nmae:"));
    const problems = explainers(["check"], site);
    assert.is(problems.status, 1, problems.stdout);
    assert.match(problems.stdout, "oxfordshire.md");
    assert.is(explainers(["check", "--content", "no-such-folder"], site).status, 2);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

cli("the npm scripts of the commands run the same command line, and the bin is an executable script", () => {
  const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
    bin: Record<string, string>;
    scripts: Record<string, string>;
  };
  assert.equal(manifest.bin, { explainers: "bin/explainers.js" });
  for (const command of commands.filter((name) => name !== "start"))
    assert.is(manifest.scripts[command], `node bin/explainers.js ${command}`, command);
  // npm start restarts the same command when the TypeScript changes (tsx watch follows what it imports).
  assert.is(manifest.scripts.start, "tsx watch --clear-screen=false src/cli/explainers.ts start");
  assert.match(readFileSync(BIN, "utf8"), /^#!\/usr\/bin\/env node\n/);
  assert.ok((statSync(BIN).mode & 0o111) !== 0, "bin/explainers.js is executable");
});

cli("docs/command-line.md and the README name every command and the three exit codes", () => {
  const documented = readFileSync(join(projectRoot, "docs/command-line.md"), "utf8");
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
  for (const command of commands) assert.match(documented, `| \`explainers ${command}\``, command);
  for (const code of ["0", "1", "2"]) assert.match(documented, new RegExp(`^\\| ${code} +\\| \\S`, "m"), code);
  assert.match(readme, "**0** ok, **1**");
  assert.match(readme, "docs/command-line.md");
});

cli.run();
