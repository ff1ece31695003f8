// Names the script-tag files by content hash, points the core at its recorder chunk, and writes
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

const placeholder = '@@SNAG_RECORDER_FILE@@';
const built = readFileSync(join(dist, 'snag.js'), 'utf8');
if (!built.includes(placeholder)) throw new Error('the core bundle lost the recorder file placeholder');
const core = built.replaceAll(placeholder, recorderFile);
writeFileSync(join(dist, 'snag.js'), core);
const coreFile = `snag.${hash(core)}.js`;
writeFileSync(join(dist, coreFile), core);

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(
  join(dist, 'manifest.json'),
  `${JSON.stringify({ version, core: coreFile, recorder: recorderFile, questions: questionsFile }, null, 2)}\n`,
);
console.log(`snag: ${coreFile} + ${recorderFile} + ${questionsFile}`);
