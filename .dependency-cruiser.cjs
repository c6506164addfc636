/** Layer rules and cycle check on the resolved import graph (see docs/architecture.md). */
const layer = (from, to, comment) => ({ name: `${from}-not-${to.replace(/[^a-z]/g, '')}`, comment, severity: 'error', from: { path: from }, to: { path: to } });
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'circular imports', from: {}, to: { circular: true } },
    layer('^src/core', '^src/(workers|state|viewer|ui|app)', 'core is the pure bottom layer'),
    layer('^src/core', '^node_modules/(cesium|zustand|react|react-dom)/', 'core has no renderer, store or UI'),
    layer('^src/workers', '^src/(state|viewer|ui|app)', 'workers import core only'),
    layer('^src/state', '^src/(viewer|ui|app)', 'state imports core only'),
    layer('^src/viewer', '^src/(ui|app)', 'viewer never imports ui or app'),
    layer('^src/ui', '^src/(viewer|app)', 'ui never imports viewer or app'),
    layer('^src/(core|workers|state|ui|app)', '^node_modules/cesium/', 'cesium only in src/viewer'),
    layer('^scripts', '^src/(workers|state|viewer|ui|app)', 'scripts import only src/core'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
