/**
 * The hidden file input a pane button opens (a workbook in file mode, an edition of the rules):
 * one file at a time, handed to `onFile`; the input is cleared so the same file can be chosen again.
 */
import { makeStyles } from '@fluentui/react-components';
import { forwardRef } from 'react';

const useStyles = makeStyles({ hidden: { display: 'none' } });

export interface FileInputProps {
  readonly accept: string;
  /** The input's accessible name (选择 .xlsx 文件 …). */
  readonly label: string;
  readonly onFile: (file: File) => void;
  readonly testId?: string;
}

export const FileInput = forwardRef<HTMLInputElement, FileInputProps>(function FileInput({ accept, label, onFile, testId }, ref) {
  const styles = useStyles();
  return (
    <input
      ref={ref}
      className={styles.hidden}
      type="file"
      accept={accept}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const f = e.target.files?.[0];
        if (f) onFile(f);
        e.target.value = '';
      }}
    />
  );
});
