// Names the script-tag files by content hash, points the core at its recorder, and writes
// dist/manifest.json, which the server reads to serve /sdk.js and the immutable /sdk/<file>.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 10);

const recorder = readFileSync(join(dist, 'snag-recorder.js'), 'utf8');
const recorderFile = `snag-recorder.${hash(recorder)}.js`;
renameSync(join(dist, 'snag-recorder.js'), join(dist, recorderFile));

const placeholder = '@@SNAG_RECORDER_FILE@@';
const core = readFileSync(join(dist, 'snag.js'), 'utf8');
if (!core.includes(placeholder)) throw new Error('the core bundle lost the recorder file placeholder');
const linked = core.replaceAll(placeholder, recorderFile);
writeFileSync(join(dist, 'snag.js'), linked);
const coreFile = `snag.${hash(linked)}.js`;
writeFileSync(join(dist, coreFile), linked);

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(
  join(dist, 'manifest.json'),
  `${JSON.stringify({ version, core: coreFile, recorder: recorderFile }, null, 2)}\n`,
);
console.log(`snag: ${coreFile} + ${recorderFile}`);
