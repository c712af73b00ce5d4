/** 结果: every platform's 一级指标 subtotals, total and rank, sortable; copied, downloaded as .csv, or written as a sheet. */
import { renderResults } from './renderResults';
import { useResults } from './useResults';
import { useResultsStyles } from './useResultsStyles.styles';

export function Results() {
  const state = useResults();
  const styles = useResultsStyles();
  return renderResults(state, styles);
}
