/** 填写: style, 覆盖已有内容, a preview of what would be written and replaced, apply and 撤销填写. */
import { renderFill } from './renderFill';
import { useFill } from './useFill';
import { useFillStyles } from './useFillStyles.styles';

export function Fill() {
  const state = useFill();
  const styles = useFillStyles();
  return renderFill(state, styles);
}
