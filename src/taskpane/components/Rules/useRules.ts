import { useState } from 'react';
import { evaluationIds, tables, type EvaluationId } from '../../../rules';
import { loadRules, renderEdition } from '../../../workbook';
import { downloadBytes } from '../../download';
import { usePane, usePaneStore } from '../../state/context';
import type { RulesState } from './Rules.types';

/** Reads a file's text (File.text is missing from the oldest webviews). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

export function useRules(): RulesState {
  const { session, mapping, busy } = usePane();
  const store = usePaneStore();
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const loaded = session?.loadedRules ?? null;
  const inForce = session?.tables ?? tables;

  const load = (file: File) => {
    void (async () => {
      setStatus(null);
      let json: unknown;
      try {
        json = JSON.parse(await readText(file));
      } catch (e) {
        setProblems([`“${file.name}”不是可以读取的 JSON 文件:${(e as Error).message}`]);
        return;
      }
      const r = loadRules(json);
      if (!r.ok) {
        setProblems(r.problems);
        return;
      }
      setProblems([]);
      const refused = await store.setMapping({ ...mapping, rules: json });
      if (refused) setProblems([refused]);
      else setStatus(`已按“${file.name}”中的评分规则重新检查,规则已保存在工作簿中`);
    })();
  };

  const restore = () => {
    const { rules: _dropped, ...rest } = mapping;
    setProblems([]);
    void store.setMapping(rest).then((refused) => (refused ? setProblems([refused]) : setStatus('已恢复内置评分规则并重新检查')));
  };

  const exportBuiltIn = (evaluation: EvaluationId) => {
    const t = tables[evaluation];
    downloadBytes(`${t.shortName}评分规则-${t.id}.json`, new TextEncoder().encode(`${JSON.stringify(t, null, 2)}\n`), 'application/json');
  };

  return {
    editions: evaluationIds.map((e) => ({ evaluation: inForce[e].shortName, edition: renderEdition(inForce[e]), loaded: loaded?.edition === inForce[e] })),
    note: loaded?.note ?? null,
    problems,
    status,
    disabled: busy !== null || !session,
    load,
    restore,
    exportBuiltIn,
    exportChoices: evaluationIds.map((e) => ({ evaluation: e, text: `导出${tables[e].shortName}(${tables[e].attachment})` })),
  };
}
