import { defineConfig, type Options } from 'tsup';
import { rrwebHooks } from './build/rrweb-hooks.js';

/** Every browser bundle inlines its dependencies: the script tag has no module resolution. */
const browserBundle: Options = {
  format: ['iife'],
  platform: 'browser',
  // ES2022 keeps class fields native (smaller); every browser with CompressionStream has it.
  target: 'es2022',
  // Terser compresses a few percent smaller than esbuild; every byte counts against the size
  // budget (test/size-budget.test.ts).
  minify: 'terser',
  // esbuild's syntax minification first leaves terser a few shorter forms to start from.
  esbuildOptions(options) {
    options.minifySyntax = true;
  },
  terserOptions: {
    ecma: 2020,
    // Date.UTC only computes @snag/protocol's timestamp bounds, which the SDK does not use.
    compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true, pure_funcs: ['Date.UTC'] },
    format: { comments: false },
  },
  noExternal: [/.*/],
  esbuildPlugins: [rrwebHooks],
  outExtension: () => ({ js: '.js' }),
  // Replaced by scripts/finalize-assets.mjs once the chunks' content hashes are known.
  define: {
    __SNAG_RECORDER_FILE__: JSON.stringify('@@SNAG_RECORDER_FILE@@'),
    __SNAG_DETECTORS_FILE__: JSON.stringify('@@SNAG_DETECTORS_FILE@@'),
  },
};

/**
 * Property names that never leave the core bundle: internal records (a press, a burst, a page
 * view), the capture context, and the interfaces between the core's own modules. Terser renames
 * them in snag.js only. Never list a wire-format key, a stored key, an option, the public API,
 * or anything the core and the recorder chunk (a separate build) exchange.
 */
export const CORE_PRIVATE_PROPERTIES =
  /^(pressed|ownRoot|running|nearby|burst|presses|canBeDead|deadReported|requests|reaction|own|errored|settled|replaySeq|selectors|block|perPage|newPage|ingestUrl|fetchFn|onDropped|react|endPage|sendNow|touch|current|anonymousId|userId|invalidEvent|retryAfterMs)$/;

export default defineConfig([
  {
    // npm: ESM + types; the recorder becomes its own chunk through the dynamic import.
    entry: { index: 'src/index.ts', widget: 'src/entries/widget.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2020',
    // Types stay imports of @snag/protocol (a dependency); its runtime limits are inlined below.
    dts: true,
    splitting: true,
    // @rrweb/record is bundled too: the recorder opens seams in it at build time (build/rrweb-hooks.ts).
    noExternal: ['@snag/protocol', '@rrweb/record'],
    esbuildPlugins: [rrwebHooks],
  },
  {
    ...browserBundle,
    entry: { snag: 'src/entries/iife.ts' },
    terserOptions: {
      ...browserBundle.terserOptions,
      mangle: { properties: { regex: CORE_PRIVATE_PROPERTIES } },
    },
  },
  { ...browserBundle, entry: { 'snag-recorder': 'src/entries/recorder.ts' } },
  { ...browserBundle, entry: { 'snag-questions': 'src/entries/questions.ts' } },
  { ...browserBundle, entry: { 'snag-detectors': 'src/entries/detectors.ts' } },
]);
