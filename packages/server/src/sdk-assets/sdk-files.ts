import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface SdkFile {
  body: Buffer;
  etag: string;
}

export interface SdkFiles {
  /** The unversioned loader + core served at `/sdk.js`. */
  latest: SdkFile;
  /** Content-hashed files served at `/sdk/<name>`, cacheable forever. */
  versioned: Map<string, SdkFile>;
  /** The question chunk, served inside each project's `/v1/questions.js` (absent in SDKs before it). */
  questions?: SdkFile;
}

interface Manifest {
  core: string;
  recorder: string;
  /** Form-struggle and thrash detectors, loaded as the core starts (SDKs from session 6 on). */
  detectors?: string;
  /** The question widget chunk (SDKs from issue 15 on). */
  questions?: string;
}

/** Where `@snag/sdk` keeps its built script-tag files. */
export function defaultSdkDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@snag/sdk/package.json')), 'dist');
}

/**
 * Reads the built SDK through its manifest, again whenever the manifest changes
 * (a rebuild while the server runs); undefined while the SDK is not built.
 */
export function sdkFileLoader(distDir: string): () => SdkFiles | undefined {
  let cached: { mtimeMs: number; files: SdkFiles } | undefined;
  return () => {
    const manifestPath = join(distDir, 'manifest.json');
    let mtimeMs: number;
    try {
      mtimeMs = statSync(manifestPath).mtimeMs;
    } catch {
      return undefined;
    }
    if (cached?.mtimeMs === mtimeMs) return cached.files;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const read = (name: string): SdkFile => {
      const body = readFileSync(join(distDir, name));
      return { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` };
    };
    const chunks = [manifest.core, manifest.recorder, ...(manifest.detectors ? [manifest.detectors] : [])];
    const versioned = new Map(chunks.map((name) => [name, read(name)] as const));
    const questions = manifest.questions ? read(manifest.questions) : undefined;
    cached = { mtimeMs, files: { latest: read('snag.js'), versioned, ...(questions ? { questions } : {}) } };
    return cached.files;
  };
}
