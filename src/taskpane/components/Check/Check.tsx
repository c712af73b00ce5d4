/** 检查: counts at a glance, findings grouped by indicator and severity; a click selects the cell. */
import { renderCheck } from './renderCheck';
import { useCheck } from './useCheck';
import { useCheckStyles } from './useCheckStyles.styles';

export function Check() {
  const state = useCheck();
  const styles = useCheckStyles();
  return renderCheck(state, styles);
}
