/** rankDescending ranks as the spreadsheet's RANK(x, range, 0): ties share the better rank, the next is skipped; no figure, no rank. */
import { rankDescending } from '../../src/engine';

describe('rankDescending', () => {
  it('ranks the highest 1', () => expect(rankDescending([70, 92, 85])).toEqual([3, 1, 2]));
  it('gives ties the better rank and skips the next', () => expect(rankDescending([92, 90, 90, 85])).toEqual([1, 2, 2, 4]));
  it('leaves a missing figure unranked and does not count it', () => expect(rankDescending([null, 50, 60])).toEqual([null, 2, 1]));
  it('ranks nothing in an empty list', () => expect(rankDescending([])).toEqual([]));
});
