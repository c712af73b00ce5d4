/**
 * The import directions of src/ (.dependency-cruiser.cjs): the real tree has no violation, and
 * each rule fails on a deliberately wrong import in a small tree made for the test.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

function cruise(cwd: string): Violation[] {
  const out = execFileSync(process.execPath, [bin, '--config', config, '--output-type', 'json', 'src'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(out) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

/** A throwaway tree of source files (path → text) with the project's compiler settings. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wanmu-deps-'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true } }));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

/** A correct miniature of the rooms: every file imports only what it may. */
const sound: Record<string, string> = {
  'src/rules/index.ts': 'export const points = 5;\n',
  'src/engine/index.ts': "import { points } from '../rules';\nexport const score = () => points;\n",
  'src/workbook/core/model.ts': 'export interface Cell { readonly row: number }\n',
  'src/workbook/check/analyze.ts': "import type { Cell } from '../core/model';\nimport { score } from '../../engine';\nexport const analyze = (c: Cell) => score() + c.row;\n",
  'src/workbook/layouts/cohort/index.ts': "import type { Cell } from '../../core/model';\nimport { sheet } from '../shared/sheet';\nexport const cohort = (c: Cell) => sheet(c);\n",
  'src/workbook/layouts/shared/sheet.ts': "import type { Cell } from '../../core/model';\nexport const sheet = (c: Cell) => c.row;\n",
  'src/workbook/index.ts': "export { analyze } from './check/analyze';\nexport type { Cell } from './core/model';\n",
  'src/hosts/file/host.ts': "import type { Cell } from '../../workbook/core/model';\nexport const read = (): Cell => ({ row: 1 });\n",
  'src/cli/main.ts': "import { analyze } from '../workbook';\nimport { read } from '../hosts/file/host';\nexport const run = () => analyze(read());\n",
};

describe('import directions (dependency-cruiser)', () => {
  test('src/ as it is: no violation, no circle', () => {
    expect(cruise(root).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  test('a sound miniature of the rooms passes', () => {
    expect(cruise(tree(sound))).toEqual([]);
  });

  const wrong: ReadonlyArray<readonly [string, string, string, string]> = [
    ['a room importing a later room', 'src/workbook/core/extra.ts', "import { analyze } from '../check/analyze';\nexport const x = analyze;\n", 'workbook-core-goes-down'],
    ['a surface reaching past the door', 'src/cli/extra.ts', "import type { Cell } from '../workbook/core/model';\nexport type X = Cell;\n", 'surfaces-use-the-door'],
    ['a host reaching beyond the core room', 'src/hosts/file/extra.ts', "import { analyze } from '../../workbook/check/analyze';\nexport const x = analyze;\n", 'hosts-reach-core-only'],
    ['a layout importing another layout', 'src/workbook/layouts/issued/index.ts', "import { cohort } from '../cohort';\nexport const issued = cohort;\n", 'no-layout-imports-another'],
    ['the engine importing the workbook layer', 'src/engine/extra.ts', "import type { Cell } from '../workbook/core/model';\nexport type X = Cell;\n", 'layer-engine'],
    ['rules importing the engine', 'src/rules/extra.ts', "import { score } from '../engine';\nexport const x = score;\n", 'layer-rules'],
  ];
  test.each(wrong)('%s fails', (_what, file, text, rule) => {
    const found = cruise(tree({ ...sound, [file]: text }));
    expect(found.map((v) => v.rule.name)).toContain(rule);
  });

  test('a circle made only of type imports fails', () => {
    const found = cruise(
      tree({
        ...sound,
        'src/workbook/check/a.ts': "import type { B } from './b';\nexport interface A { readonly b?: B }\n",
        'src/workbook/check/b.ts': "import type { A } from './a';\nexport interface B { readonly a?: A }\n",
      }),
    );
    expect(found.map((v) => v.rule.name)).toContain('no-circular');
  });
});
