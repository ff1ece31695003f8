// Builds each wild page (pages/<name>/main.ts[x], optional body.html) with esbuild into dist/<name>/:
// index.html (with `{{HEAD}}` for the detection tool), app.js and app.css. `node --import tsx build.ts`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const PAGES_DIR = join(import.meta.dirname, 'pages');
export const DIST_DIR = join(import.meta.dirname, 'dist');

/** Every page folder, in name order. */
export function wildPageNames(): string[] {
  return readdirSync(PAGES_DIR).sort();
}

function shell(name: string, body: string, hasCss: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>
{{HEAD}}
${hasCss ? `<link rel="stylesheet" href="/${name}/app.css">` : ''}
</head>
<body>
${body}
<div id="root"></div>
<script src="/${name}/app.js"></script>
</body>
</html>
`;
}

async function buildPage(name: string): Promise<void> {
  const folder = join(PAGES_DIR, name);
  const entry = ['main.tsx', 'main.ts'].map((file) => join(folder, file)).find((file) => existsSync(file));
  if (!entry) throw new Error(`wild page ${name} has no main.ts or main.tsx`);
  const out = join(DIST_DIR, name);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { app: entry },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    outdir: out,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'warning',
  });
  const bodyFile = join(folder, 'body.html');
  const body = existsSync(bodyFile) ? readFileSync(bodyFile, 'utf8') : '';
  writeFileSync(join(out, 'index.html'), shell(name, body, existsSync(join(out, 'app.css'))));
}

/** Builds every page (or the named ones) from scratch; returns the names built. */
export async function buildWildPages(only?: string[]): Promise<string[]> {
  const names = wildPageNames().filter((name) => !only || only.includes(name));
  rmSync(DIST_DIR, { recursive: true, force: true });
  for (const name of names) await buildPage(name);
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const names = await buildWildPages(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
  console.log(`built ${names.join(', ')} in ${Date.now() - started} ms`);
}
