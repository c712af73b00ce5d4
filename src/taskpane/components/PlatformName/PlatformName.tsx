/**
 * 识别结果's platform name of a one-platform table (an issued table, a matrix): where the name came
 * from, changeable (the change is the user's mapping, saved with the workbook), and back to the
 * recognized one.
 */
import type { PlatformNameProps } from './PlatformName.types';
import { renderPlatformName } from './renderPlatformName';
import { usePlatformName } from './usePlatformName';
import { usePlatformNameStyles } from './usePlatformNameStyles.styles';

export function PlatformName(props: PlatformNameProps) {
  const state = usePlatformName(props);
  const styles = usePlatformNameStyles();
  return renderPlatformName(state, styles);
}
