/** 自检: runs the host self-test on the open workbook, lists each step with its time and reason, and offers the report to copy or download. */
import { renderSelfTest } from './renderSelfTest';
import { useSelfTest } from './useSelfTest';
import { useSelfTestStyles } from './useSelfTestStyles.styles';

export function SelfTest() {
  const state = useSelfTest();
  const styles = useSelfTestStyles();
  return renderSelfTest(state, styles);
}
