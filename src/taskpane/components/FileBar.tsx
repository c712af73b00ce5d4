/**
 * File mode (outside Office): open an .xlsx file (a file picker or drag and drop) and download the
 * workbook as written, through the surgical file host so nothing else in the file changes.
 */
import { downloadBytes } from '../download';
import { Body1, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { WorkbookFile } from '../../hosts/file/workbook-file';
import { usePane, usePaneStore } from '../state/context';

const useStyles = makeStyles({
  drop: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap', alignItems: 'center' },
  hidden: { display: 'none' },
});

/** The name the downloaded copy gets: 原名-已评分.xlsx. */
export function downloadName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}-已评分.xlsx`;
}

export function FileBar() {
  const styles = useStyles();
  const store = usePaneStore();
  const { workspace, busy } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const open = async (file: File) => {
    await store.run('打开文件', async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const host = await WorkbookFile.fromBuffer(bytes, file.name);
      await store.open({ kind: 'file', host, name: file.name, bytes: () => host.toBuffer() });
    });
  };

  const download = () => {
    if (!workspace?.bytes) return;
    downloadBytes(downloadName(workspace.name), workspace.bytes(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) void open(f);
  };

  return (
    <div
      className={mergeClasses(styles.drop, over ? styles.over : undefined)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Body1>{workspace ? `当前文件:${workspace.name}` : '未在 Excel 中运行。请打开一个 .xlsx 工作簿(或拖放到这里),检查、填写后下载。'}</Body1>
      <div className={styles.row}>
        <Button appearance={workspace ? 'secondary' : 'primary'} disabled={busy !== null} onClick={() => input.current?.click()}>
          打开工作簿…
        </Button>
        <Button appearance={workspace ? 'primary' : 'secondary'} disabled={!workspace?.bytes || busy !== null} onClick={download}>
          下载工作簿
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="选择 .xlsx 文件"
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void open(f);
          e.target.value = '';
        }}
      />
      <Caption1>文件只在本机浏览器中处理,不会上传。</Caption1>
    </div>
  );
}
