/* Regenerates test/golden/functions.json from the JSDoc (run after changing a function's documentation on purpose). */
import * as fs from 'fs';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

void generateCustomFunctionsMetadata(path.resolve(__dirname, '../src/hosts/excel/functions-entry.ts')).then((r) => {
  if (r.errors.length > 0) {
    process.stderr.write(r.errors.join('\n') + '\n');
    process.exit(1);
  }
  fs.writeFileSync(path.resolve(__dirname, '../test/golden/functions.json'), r.metadataJson + '\n');
});
