import { defineConfig, type Options } from 'tsup';

/** Every browser bundle inlines its dependencies: the script tag has no module resolution. */
const browserBundle: Options = {
  format: ['iife'],
  platform: 'browser',
  // ES2022 keeps class fields native (smaller); every browser with CompressionStream has it.
  target: 'es2022',
  // Terser compresses a few percent smaller than esbuild and renames #private members; every byte counts
  // against the size budget (test/size-budget.test.ts).
  minify: 'terser',
  terserOptions: {
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true },
    format: { comments: false },
  },
  noExternal: [/.*/],
  outExtension: () => ({ js: '.js' }),
  // Replaced by scripts/finalize-assets.mjs once the recorder's content hash is known.
  define: { __SNAG_RECORDER_FILE__: JSON.stringify('@@SNAG_RECORDER_FILE@@') },
};

export default defineConfig([
  {
    // npm: ESM + types; the recorder becomes its own chunk through the dynamic import.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2020',
    // Types stay imports of @snag/protocol (a dependency); its runtime limits are inlined below.
    dts: true,
    splitting: true,
    noExternal: ['@snag/protocol'],
  },
  { ...browserBundle, entry: { snag: 'src/entries/iife.ts' } },
  { ...browserBundle, entry: { 'snag-recorder': 'src/entries/recorder.ts' } },
]);
