/**
 * 转换与模板 › 评分规则: which edition of each issued table the workbook is scored by; a revised
 * edition loaded from a JSON file (validated, its differences listed, saved with the workbook's
 * mapping), back to the built-in ones, and the built-in ones exported as the starting point.
 */
import { renderRules } from './renderRules';
import { useRules } from './useRules';
import { useRulesStyles } from './useRulesStyles.styles';

export function Rules() {
  const state = useRules();
  const styles = useRulesStyles();
  return renderRules(state, styles);
}
