/** 待补数据: inputs still missing, each once under the department responsible (the workbook's own 责任分工 where it has one); copyable as text. */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { tables } from '../../rules';
import { usePane, usePaneStore } from '../state/context';
import { groupByDepartment, type MissingInput } from '../../workbook';
import { renderDepartment, renderMissingPlace } from '../../workbook';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

function line(m: MissingInput): string {
  const also = m.departments.length > 1 ? `\t会同:${m.departments.slice(1).join('、')}` : '';
  return `${m.platform}\t${tables[m.evaluation].shortName}第${m.indicator}项 ${m.indicatorName}\t${m.field}\t${renderMissingPlace(m)}${also}`;
}

/** The list as tab-separated text (pastes into a sheet or a message): each input once, under its lead department. */
export function missingText(groups: ReturnType<typeof groupByDepartment>): string {
  return groups.map((g) => [`【${renderDepartment(g)}】`, ...g.items.map(line)].join('\n')).join('\n\n');
}

export function Missing() {
  const styles = useStyles();
  const { session, version, busy } = usePane();
  const store = usePaneStore();
  const [copied, setCopied] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = useMemo(() => (session ? groupByDepartment(session.missingInputs()) : []), [session, version]);
  if (!session) return <Body1>请先打开工作簿。</Body1>;
  if (groups.length === 0) return <Body1>所有评分所需的数据都已填写。</Body1>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(missingText(groups));
      setCopied('已复制到剪贴板');
    } catch (e) {
      setCopied(`无法复制(${e instanceof Error ? e.message : String(e)}),请手工选中下面的列表复制`);
    }
  };
  return (
    <div className={styles.root}>
      <div>
        <Button onClick={() => void copy()}>复制清单</Button>{' '}
        <Button disabled={busy !== null} onClick={() => void store.apply(session.planMissingSheet(), 'missingSheet')}>
          导出为工作表
        </Button>{' '}
        <Caption1 aria-live="polite">{copied}</Caption1>
      </div>
      {groups.map((g) => (
        <section key={`${g.reference ? 1 : 0}${g.department}`} aria-label={renderDepartment(g)}>
          <Body1>
            <b>{renderDepartment(g)}</b>({g.items.length} 项)
          </Body1>
          <ul className={styles.list}>
            {g.items.map((m, i) => (
              <li key={i}>
                {m.platform}:{m.indicatorName} — {m.field}({renderMissingPlace(m)}){m.departments.length > 1 ? `;会同${m.departments.slice(1).join('、')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
