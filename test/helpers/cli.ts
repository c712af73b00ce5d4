/** The command line run in-process: its exit code and what it printed to stdout and stderr. */
import { run } from '../../src/cli/main';

export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
