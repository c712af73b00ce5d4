import { useEffect, useRef, useState } from 'react';
import { renderFinding, renderNameSource, withPlatformName } from '../../../workbook';
import { checkPlatformName } from '../../../workbook';
import { usePane, usePaneStore } from '../../state/context';
import { paneSurface } from '../../surface';
import type { PlatformNameProps, PlatformNameState } from './PlatformName.types';

/** The platform's name as typed, applied to the mapping on Enter or on leaving the input; refused when blank. */
export function usePlatformName({ sheet, name, source }: PlatformNameProps): PlatformNameState {
  const { mapping, busy, model } = usePane();
  const store = usePaneStore();
  const [value, setValue] = useState(name);
  const [problem, setProblem] = useState<string | null>(null);
  // the name last applied: Enter and the blur after it apply it once
  const applied = useRef(name);
  useEffect(() => {
    setValue(name);
    applied.current = name;
  }, [name]);

  const apply = async (next: string | null) => {
    setProblem(await store.setMapping(withPlatformName(mapping, sheet, next)));
  };
  const commit = () => {
    const typed = value.trim();
    if (typed === applied.current) {
      setProblem(null);
      return;
    }
    const refused = checkPlatformName(sheet, value);
    setProblem(refused);
    if (refused) return;
    applied.current = typed;
    void apply(typed);
  };
  const duplicate = model?.findings.find((f) => f.code === 'platform_name_duplicate' && f.sheet === sheet);
  return {
    id: `platform-${sheet}`,
    value,
    sourceText: renderNameSource(source),
    recognized: source.kind === 'mapping' ? source.recognized.name : null,
    problem,
    warning: duplicate ? renderFinding(duplicate, paneSurface, model?.analysis.inForce) : null,
    disabled: busy !== null,
    change: (v) => {
      setValue(v);
      if (problem) setProblem(null);
    },
    commit,
    cancel: () => {
      setValue(name);
      setProblem(null);
    },
    restore: () => {
      setProblem(null);
      void apply(null);
    },
  };
}
