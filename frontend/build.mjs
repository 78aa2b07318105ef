// Bundles each entry in frontend/ (every *.js file here) into static/dist/, minified, for
// browsers from 2020 on. The output is generated, git-ignored and rebuilt by `make assets`.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const entryPoints = readdirSync(here)
  .filter((name) => name.endsWith(".js"))
  .map((name) => join(here, name));

await build({
  entryPoints,
  outdir: join(here, "..", "static", "dist"),
  bundle: true,
  format: "esm",
  // The 360° viewer and <model-viewer> share one copy of three.js (a chunk fetched once).
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  minify: true,
  sourcemap: false,
  target: ["es2020"],
  legalComments: "linked",
  logLevel: "warning",
});
