/** The generated checklist (test/helpers/edition-spec.ts) over every built-in edition and the made-up test edition. */
import { builtInEditions } from '../../src/rules';
import { editionChecklist } from '../helpers/edition-spec';
import { testEdition } from '../helpers/test-edition';

for (const edition of [...builtInEditions, testEdition()]) editionChecklist(edition);
