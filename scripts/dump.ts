import { XlsxFileHost } from '../src/hosts/file/xlsx';
(async () => {
  const wb = await (await XlsxFileHost.open(process.argv[2])).read();
  const s = wb.sheets.find((x) => x.name === process.argv[3]) ?? wb.sheets[0];
  const r0 = Number(process.argv[4] ?? 1), r1 = Number(process.argv[5] ?? 8);
  console.log(s.name, s.rowCount, s.colCount, JSON.stringify(s.merges.slice(0, 30)));
  for (let r = r0; r <= r1; r++) console.log(r, JSON.stringify([...(s.rows.get(r) ?? new Map())].map(([c, v]) => [c, v.formula ? '=' + v.formula : v.value]).map(([c, v]) => `${c}:${String(v).slice(0, 30)}`)));
})();
