import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { paletteFromCss } from "../../src/render/palette.ts";
import { projectRoot } from "../fixtures/content.ts";

const test = suite("render: the site's colours for images");
const css = readFileSync(join(projectRoot, "layouts/assets/site.css"), "utf8");

test("reads the light scheme from the stylesheet's first :root block, not the dark one", () => {
  const palette = paletteFromCss(css);
  const light = /:root\s*\{([^}]*)\}/.exec(css)![1]!;
  for (const [name, value] of [
    ["text", palette.text],
    ["bg", palette.bg],
    ["link", palette.link],
    ["good", palette.tones.good.fg],
    ["good-bg", palette.tones.good.bg],
    ["state-bg", palette.tones.state.bg],
  ] as const)
    assert.match(light, `--${name}: ${value};`);
  assert.not.equal(palette.text, "#f3f2f1", "the dark scheme's text colour");
});

test("a colour missing from the stylesheet is named, with the file", () => {
  assert.throws(
    () => paletteFromCss(css.replace("--worst-bg:", "--worse-bg:"), "layouts/assets/site.css"),
    /layouts\/assets\/site\.css sets no --worst-bg in its first :root block/,
  );
  assert.throws(() => paletteFromCss("body { color: red }", "x.css"), /x\.css has no :root block/);
});

test.run();
