// Writes every dashboard's JSON into the given directory, and removes JSON files of dashboards that no longer exist.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARDS, render } from './catalog.js';

const directory = process.argv[2];
if (!directory) {
  console.error('Give the directory to write the dashboards to, e.g. ../charts/oc-platform/files/dashboards.');
  process.exit(2);
}
mkdirSync(directory, { recursive: true });
for (const file of readdirSync(directory)) {
  if (file.endsWith('.json') && !(file.slice(0, -'.json'.length) in DASHBOARDS)) {
    rmSync(join(directory, file));
    console.log(`removed ${join(directory, file)}`);
  }
}
for (const [name, build] of Object.entries(DASHBOARDS)) {
  writeFileSync(join(directory, `${name}.json`), render(build));
  console.log(`wrote ${join(directory, `${name}.json`)}`);
}
