/** Layer rules and cycle check on the resolved import graph (see docs/architecture.md). */
const layer = (from, to, comment) => ({ name: `${from}-not-${to.replace(/[^a-z]/g, '')}`, comment, severity: 'error', from: { path: from }, to: { path: to } });
/**
 * core's folders as a strict stack, bottom first: a folder imports only folders on lower
 * levels (never one on its own level or above), so there are no back-arrows between them.
 * i18n (resources and the message types) sits below model, because the conversion report's issues carry message
 * codes and their English rendering; model holds the contracts (data types, reader results, the conversion report); convert the
 * orchestrators (whole files in, tiles/layers out) on top.
 */
const CORE_STACK = [
  ['i18n'],
  ['model'],
  ['time', 'table', 'xml', 'json'],
  ['crs'],
  ['geometry'],
  ['planning', 'style', 'measure', 'kiosk'],
  ['gml'],
  ['citygml', 'cityjson', 'vector'],
  ['xplanung'],
  ['tiles'],
  ['massing'],
  ['scenario'],
  ['analysis'],
  ['convert', 'report'],
];
const coreStack = CORE_STACK.flatMap((level, i) =>
  level.map((folder) => {
    const notBelow = CORE_STACK.slice(i).flat().filter((f) => f !== folder);
    return {
      name: `core-stack-${folder}`,
      comment: `core/${folder} is on level ${i} of the core stack; it may import only ${CORE_STACK.slice(0, i).flat().join(', ') || 'no other core folder'}`,
      severity: 'error',
      from: { path: `^src/core/${folder}/` },
      to: { path: `^src/core/(${notBelow.join('|')})/` },
    };
  }),
);
const known = CORE_STACK.flat().join('|');
module.exports = {
  forbidden: [
    ...coreStack,
    { name: 'core-stack-unplaced', comment: 'every core folder has a place in CORE_STACK', severity: 'error', from: { path: `^src/core/(?!(${known})/)[^/]+/` }, to: { path: '^src/core/' } },
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
