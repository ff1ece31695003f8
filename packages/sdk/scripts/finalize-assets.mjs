// Names the script-tag files by content hash, points the core at its lazy chunks, and writes
// dist/manifest.json, which the server reads to serve /sdk.js, the immutable /sdk/<file> and (the
// question chunk) the project's /v1/questions.js.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Renames `snag-<name>.js` to its content-hashed name and returns that name. */
function hashChunk(name) {
  const text = readFileSync(join(dist, `snag-${name}.js`), 'utf8');
  const file = `snag-${name}.${hash(text)}.js`;
  renameSync(join(dist, `snag-${name}.js`), join(dist, file));
  return file;
}

const recorderFile = hashChunk('recorder');
const questionsFile = hashChunk('questions');
const detectorsFile = hashChunk('detectors');

let core = readFileSync(join(dist, 'snag.js'), 'utf8');
for (const [placeholder, file] of [
  ['@@SNAG_RECORDER_FILE@@', recorderFile],
  ['@@SNAG_DETECTORS_FILE@@', detectorsFile],
]) {
  if (!core.includes(placeholder)) throw new Error(`the core bundle lost the placeholder ${placeholder}`);
  core = core.replaceAll(placeholder, file);
}
writeFileSync(join(dist, 'snag.js'), core);
const coreFile = `snag.${hash(core)}.js`;
writeFileSync(join(dist, coreFile), core);

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(
  join(dist, 'manifest.json'),
  `${JSON.stringify({ version, core: coreFile, recorder: recorderFile, detectors: detectorsFile, questions: questionsFile }, null, 2)}\n`,
);
console.log(`snag: ${coreFile} + ${recorderFile} + ${detectorsFile} + ${questionsFile}`);
