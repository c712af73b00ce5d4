/**
 * Reads the issued document (附件2/附件3) independently of src/rules, so the table-versus-seed
 * test compares our data with the text rather than with itself.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface SeedRow {
  group: string;
  number: number;
  name: string;
  standard: string;
  points: number;
  responsibility: string;
}

export interface SeedTable {
  title: string;
  responsibilityHeader: string;
  rows: SeedRow[];
}

const SEED_NAME = '000_ef44497bbf08d104.txt';

/** The shared seed beside the checkout, or the verbatim copy committed in docs/. */
export function seedPath(): string {
  const shared = path.resolve(__dirname, '../../../shared/seeds', SEED_NAME);
  return fs.existsSync(shared) ? shared : path.resolve(__dirname, '../../docs', `source-${SEED_NAME}`);
}

export function readSeedText(): string {
  return fs.readFileSync(seedPath(), 'utf8');
}

function parseTable(lines: string[], start: number, end: number): SeedTable {
  const body = lines.slice(start, end).filter((l) => l.trim() !== '');
  // body[0] = 附件N, body[1] = title, body[2..7] = header cells
  const title = body[1];
  const responsibilityHeader = body[7];
  const rows: SeedRow[] = [];
  let group = '';
  let i = 8;
  while (i < body.length) {
    const line = body[i].trim();
    if (/^\d+$/.test(line) && Number(line) === rows.length + 1) {
      rows.push({
        group,
        number: Number(line),
        name: body[i + 1],
        standard: body[i + 2],
        points: Number(body[i + 3]),
        responsibility: body[i + 4],
      });
      i += 5;
    } else {
      // A 一级指标 cell, sometimes broken over two lines ("领军型企业培育高地" / "(20%)").
      group = line.startsWith('(') ? group + line : line;
      i += 1;
    }
  }
  return { title, responsibilityHeader, rows };
}

export function readSeedTables(): { acceptance: SeedTable; annual: SeedTable } {
  const lines = readSeedText().split(/\r?\n/);
  const a2 = lines.findIndex((l) => l.trim() === '附件2');
  const a3 = lines.findIndex((l, i) => i > a2 && l.trim() === '附件3');
  const a4 = lines.findIndex((l, i) => i > a3 && l.trim() === '附件4');
  return { acceptance: parseTable(lines, a2, a3), annual: parseTable(lines, a3, a4) };
}
