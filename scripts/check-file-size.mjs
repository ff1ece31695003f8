#!/usr/bin/env node
// `pnpm lint`: no source file (packages/*/src/**/*.ts, *.tsx) longer than MAX_LINES.
// Small files are the habit (CONVENTIONS.md): split a long one by what it does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MAX_LINES = 300;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const packagesDir = path.join(root, 'packages');

const tooLong = [];
for (const pkg of readdirSync(packagesDir)) {
  const src = path.join(packagesDir, pkg, 'src');
  let files;
  try {
    files = readdirSync(src, { recursive: true });
  } catch {
    continue;
  }
  for (const file of files) {
    if (!/\.tsx?$/.test(file) || file.split(path.sep).includes('node_modules')) continue;
    const full = path.join(src, file);
    const text = readFileSync(full, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) tooLong.push(`${path.relative(root, full)}: ${lines} lines`);
  }
}

if (tooLong.length > 0) {
  console.error(`Source files over ${MAX_LINES} lines (split them by what they do):\n  ${tooLong.join('\n  ')}`);
  process.exit(1);
}
console.log(`✔ no source file over ${MAX_LINES} lines`);
