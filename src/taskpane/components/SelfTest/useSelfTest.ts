import { useState } from 'react';
import { dateTimeText, outcomeReason, selfTestReportText, SELF_TEST_SEND, STATUS_TEXT, STEP_NAMES, summaryText, type HostInfo } from '../../../selftest';
import { downloadBytes } from '../../download';
import { useEnvironment, usePane, usePaneStore } from '../../state/context';
import { errorText } from '../../state/store';
import type { SelfTestState } from './SelfTest.types';

const COPY_FALLBACK = '请在下方“报告全文”中全选文字后复制,或点击“下载报告”';

export function useSelfTest(): SelfTestState {
  const env = useEnvironment();
  const store = usePaneStore();
  const { selfTest: report, busy, workspace } = usePane();
  const [message, setMessage] = useState<string | null>(null);
  const info = (): HostInfo => env.hostInfo?.() ?? { name: env.hostName, version: null, apiSets: [] };
  const text = report ? selfTestReportText(report) : '';
  const failed = report?.outcomes.some((o) => o.status === 'fail') ?? false;
  return {
    hostName: info().name,
    running: busy === '自检',
    disabled: busy !== null || workspace === null,
    run: () => {
      setMessage(null);
      void store.selfTest(info(), env.customFunctions);
    },
    rows: (report?.outcomes ?? []).map((o) => ({ id: o.id, name: STEP_NAMES[o.id], status: o.status, statusText: STATUS_TEXT[o.status], ms: o.ms, reason: outcomeReason(o) })),
    summary: report ? summaryText(report) : null,
    failed,
    advice: failed && report?.done ? SELF_TEST_SEND : '',
    text,
    copy: () => {
      if (!text) return;
      // a refused or missing clipboard is said, never thrown
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
      if (!clipboard || typeof clipboard.writeText !== 'function') {
        setMessage(`无法访问剪贴板:${COPY_FALLBACK}`);
        return;
      }
      let done: Promise<void>;
      try {
        done = clipboard.writeText(text);
      } catch (e) {
        setMessage(`无法复制(${errorText(e)}):${COPY_FALLBACK}`);
        return;
      }
      done.then(
        () => setMessage('已复制报告,可粘贴到邮件、微信或文档中发给技术支持'),
        (e: unknown) => setMessage(`无法复制(${errorText(e)}):${COPY_FALLBACK}`),
      );
    },
    download: () => {
      if (!text || !report) return;
      const name = `万亩千亿自检报告-${dateTimeText(report.startedAt).replace(/[-: ]/g, '')}.txt`;
      // with a byte order mark, so that Notepad on older Windows reads it as UTF-8
      downloadBytes(name, new TextEncoder().encode(`\uFEFF${text.replace(/\n/g, '\r\n')}`), 'text/plain;charset=utf-8');
      setMessage(`已下载“${name}”`);
    },
    message,
  };
}
