/**
 * The import directions of src/, checked by dependency-cruiser (`npm run deps`, part of `npm test`).
 * See docs/architecture.md for the rooms and their doors.
 *
 *   rules → engine → functions, workbook → hosts → surfaces (cli, taskpane, wps, selftest)
 *
 * Inside src/workbook the rooms go one way, in ROOMS order; a room imports only itself and rooms
 * before it. The surfaces enter the workbook layer by its one door, src/workbook/index.ts; hosts
 * reach only its core room (the host port). No layout imports another layout.
 * Type-only imports count (tsPreCompilationDeps).
 */
const ROOMS = ['core', 'formulas', 'read', 'findings', 'contract', 'layouts', 'check', 'write', 'text', 'session'];

const roomRules = ROOMS.slice(0, -1).map((room, i) => ({
  name: `workbook-${room}-goes-down`,
  comment: `src/workbook/${room}/ imports only rooms before it (${ROOMS.slice(0, i + 1).join(', ')})`,
  severity: 'error',
  from: { path: `^src/workbook/${room}/` },
  to: { path: `^src/workbook/(${ROOMS.slice(i + 1).join('|')})/|^src/workbook/index\\.ts$` },
}));

/** Whole layers: what each may import besides itself. */
const LAYERS = {
  rules: [],
  engine: ['rules'],
  functions: ['rules', 'engine'],
  workbook: ['rules', 'engine'],
  hosts: ['rules', 'engine', 'functions', 'workbook'],
  selftest: ['rules', 'engine', 'functions', 'workbook', 'hosts'],
  cli: ['rules', 'engine', 'functions', 'workbook', 'hosts'],
  taskpane: ['rules', 'engine', 'functions', 'workbook', 'hosts', 'selftest'],
  wps: ['rules', 'engine', 'functions', 'workbook', 'hosts', 'selftest', 'taskpane'],
};
const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may import ${allowed.length ? allowed.map((l) => `src/${l}/`).join(', ') : 'nothing else in src'}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: [`^src/${layer}/`, ...allowed.map((l) => `^src/${l}/`)] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no module reaches itself through its imports, types included',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    ...roomRules,
    {
      name: 'surfaces-use-the-door',
      comment: 'cli, taskpane, wps and selftest use the workbook layer through src/workbook/index.ts only',
      severity: 'error',
      from: { path: '^src/(cli|taskpane|wps|selftest)/' },
      to: { path: '^src/workbook/', pathNot: '^src/workbook/index\\.ts$' },
    },
    {
      name: 'hosts-reach-core-only',
      comment: 'a host adapter sees only the host port of the workbook layer (src/workbook/core/)',
      severity: 'error',
      from: { path: '^src/hosts/' },
      to: { path: '^src/workbook/', pathNot: '^src/workbook/core/' },
    },
    {
      name: 'no-layout-imports-another',
      comment: 'a layout imports the contract and shared pieces, never another layout',
      severity: 'error',
      from: { path: '^src/workbook/layouts/([^/]+)/' },
      to: { path: '^src/workbook/layouts/([^/]+)/', pathNot: ['^src/workbook/layouts/$1/', '^src/workbook/layouts/shared/'] },
    },
    {
      name: 'shared-pieces-know-no-layout',
      comment: 'layouts/shared serves every layout and imports none',
      severity: 'error',
      from: { path: '^src/workbook/layouts/shared/' },
      to: { path: '^src/workbook/layouts/', pathNot: '^src/workbook/layouts/shared/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'the engine imports no Office, DOM, file or React module',
      severity: 'error',
      from: { path: '^src/(engine|rules)/' },
      to: { dependencyTypes: ['core', 'npm'], pathNot: '^node_modules/zod/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    includeOnly: '^(src|node_modules)/',
  },
};
