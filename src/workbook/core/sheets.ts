/** The sheets wanmu keeps in a workbook for itself; never read as data. */
import { vocabulary } from '../../rules';

/** The very hidden sheet wanmu writes its revert record into. */
export const RECORD_SHEET = vocabulary.recordSheet as string;

/** The very hidden sheet holding the user's mapping. */
export const MAPPING_SHEET = vocabulary.mappingSheet as string;
