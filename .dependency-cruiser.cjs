/**
 * Module boundaries, checked by `pnpm lint` (dependency-cruiser, MIT):
 * no import cycles anywhere in packages/, and the dashboard talks to the server only
 * over HTTP — it may import @snag/protocol, never server code.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that need each other cannot be read, tested or loaded apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'dashboard-not-server',
      severity: 'error',
      comment: 'The dashboard reaches the server through its API only; share types through @snag/protocol.',
      from: { path: '^packages/dashboard/' },
      to: { path: ['^packages/server/', '^@snag/server(/|$)'] },
    },
  ],
  options: {
    // Built files (a workspace package imported by name resolves to its dist/) are listed
    // as dependencies, so the rules see them, but not cruised.
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    // Type-only imports count: a cycle through types is still two modules that need each other.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
