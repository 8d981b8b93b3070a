// Copies the browser files of the npm packages the pages use into wwwroot/lib, so the site serves
// them itself and never loads code from a CDN.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const copies = [
  { from: 'node_modules/leaflet/dist', to: 'wwwroot/lib/leaflet' },
];

for (const { from, to } of copies) {
  const source = join(root, from);
  if (!existsSync(source)) {
    console.error(`Missing ${from}: run 'npm ci' first.`);
    process.exit(1);
  }

  const target = join(root, to);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
  console.log(`Copied ${from} to ${to}`);
}
