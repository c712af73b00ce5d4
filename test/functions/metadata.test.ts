import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { declarations } from '../../src/functions/declarations';

const root = path.resolve(__dirname, '../..');
const golden = fs.readFileSync(path.join(root, 'test/golden/functions.json'), 'utf8');

interface Meta {
  functions: { id: string; name: string; description: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[] }[];
}

describe('functions.json metadata', () => {
  let generated: { errors: string[]; metadataJson: string };
  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(path.join(root, 'src/hosts/excel/functions-entry.ts'));
  });

  it('generates without errors', () => {
    expect(generated.errors).toEqual([]);
  });

  it('has the expected ids, with Chinese descriptions', () => {
    const meta = JSON.parse(generated.metadataJson) as Meta;
    expect(meta.functions.map((f) => f.id)).toEqual(['NORMALIZE', 'ACCEPTANCE', 'ANNUAL', 'EXPLAIN']);
    for (const f of meta.functions) expect(f.description).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('parameters match the declarations (names, optional)', () => {
    const meta = JSON.parse(generated.metadataJson) as Meta;
    for (const f of meta.functions) {
      const decl = declarations[f.id as keyof typeof declarations];
      expect(f.parameters.map((p) => p.name)).toEqual(decl.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(decl.params.map((p) => p.optional));
    }
  });

  it('is pinned by the golden file (regenerate with scripts/update-golden.ts)', () => {
    expect(JSON.parse(generated.metadataJson)).toEqual(JSON.parse(golden));
  });

  it('the built dist/functions.json is the generated one', () => {
    const dist = path.join(root, 'dist/functions.json');
    expect(fs.existsSync(dist)).toBe(true);
    expect(JSON.parse(fs.readFileSync(dist, 'utf8'))).toEqual(JSON.parse(golden));
  });
});
