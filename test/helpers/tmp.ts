/** tmp(): a path for a file `name` in a new, empty temporary folder of its own (named `prefix…`). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tmp(name: string, prefix = 'wanmu-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), name);
}
