/**
 * File mode (outside Office): open an .xlsx file (a file picker or drag and drop) and download the
 * workbook as written, through the surgical file host so nothing else in the file changes.
 */
import { downloadBytes } from '../download';
import { Body1, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { WorkbookFile } from '../../hosts/file/workbook-file';
import { usePane, usePaneStore } from '../state/context';
import type { PaneState } from '../state/store';
import { FileInput } from './FileInput';

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
});

const DONE: Readonly<Record<NonNullable<PaneState['changes']>, string>> = { scored: '已评分', reverted: '已撤销', marked: '已标记' };

/** The name the downloaded copy gets, saying what was done: 原名-已评分.xlsx, -已撤销, -已标记 (-副本 when nothing was). */
export function downloadName(name: string, changes: PaneState['changes'] = 'scored'): string {
  const base = name.replace(/\.xlsx$/i, '');
  return `${base}-${changes ? DONE[changes] : '副本'}.xlsx`;
}

/** While a file-mode workbook has writes not downloaded, leaving the page asks first (the browser's own prompt). */
function useLeaveGuard(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const guard = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [unsaved]);
}

export function FileBar() {
  const styles = useStyles();
  const store = usePaneStore();
  const { workspace, busy, unsaved, changes } = usePane();
  useLeaveGuard(unsaved);
  // opening another workbook over one not downloaded asks first (the pane's own dialog)
  const [asking, setAsking] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const open = async (file: File) => {
    await store.run('打开文件', async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const host = await WorkbookFile.fromBuffer(bytes, file.name);
      await store.open({ kind: 'file', host, name: file.name, fileName: file.name, bytes: () => host.toBuffer() });
    });
  };

  const download = () => {
    if (!workspace?.bytes) return;
    downloadBytes(downloadName(workspace.name, changes), workspace.bytes(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    store.downloaded();
  };

  const pick = (f: File) => (unsaved ? setAsking(f) : void open(f));

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) pick(f);
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
      <FileInput ref={input} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" label="选择 .xlsx 文件" testId="file-input" onFile={pick} />
      <Caption1>文件只在本机浏览器中处理,不会上传。</Caption1>
      <Dialog open={asking !== null} onOpenChange={(_, d) => (d.open ? undefined : setAsking(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>“{workspace?.name}”的改动还没有下载</DialogTitle>
            <DialogContent>打开“{asking?.name}”后,当前工作簿中填写、撤销或标记的结果将丢失。要先下载吗?</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  download();
                  const f = asking;
                  setAsking(null);
                  if (f) void open(f);
                }}
              >
                下载后打开
              </Button>
              <Button
                onClick={() => {
                  const f = asking;
                  setAsking(null);
                  if (f) void open(f);
                }}
              >
                不下载,直接打开
              </Button>
              <Button appearance="subtle" onClick={() => setAsking(null)}>
                取消
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
