import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/limits.ts', 'src/enums.ts', 'src/selectors.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'es2022',
});
