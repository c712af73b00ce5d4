/**
 * The names in an OLE compound file's directory (MS-CFB), enough to tell what a non-zip
 * spreadsheet file is: a password-protected .xlsx keeps its package in an `EncryptedPackage`
 * stream beside `EncryptionInfo`; an Excel 97-2003 .xls (and a WPS .et) keeps its sheets in a
 * `Workbook` (or, older, `Book`) stream. Only the header, the FAT and the directory chain are
 * read; no stream's contents.
 */

import { u16, u32 } from './zip';

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Directory sectors followed before giving up on a damaged chain. */
const MAX_DIRECTORY_SECTORS = 4096;

export function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 512 && CFB_MAGIC.every((x, i) => b[i] === x);
}

/** The names of the storages and streams in the file's directory, or undefined when it cannot be read. */
export function compoundFileNames(b: Uint8Array): string[] | undefined {
  if (!isCompoundFile(b)) return undefined;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectorAt = (n: number) => (n + 1) * size;
  // the FAT's sectors: the first 109 in the header, the rest along the DIFAT chain
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(b, 0x4c + i * 4);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = u32(b, 0x44);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const at = sectorAt(difat);
    if (at + size > b.length) break;
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(b, at + i * 4);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = u32(b, at + size - 4);
  }
  const next = (sector: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(sector / perSector)];
    if (fs === undefined) return END_OF_CHAIN;
    const at = sectorAt(fs) + (sector % perSector) * 4;
    return at + 4 <= b.length ? u32(b, at) : END_OF_CHAIN;
  };
  const names: string[] = [];
  let dir = u32(b, 0x30);
  for (let hops = 0; dir !== END_OF_CHAIN && dir !== FREE && hops < MAX_DIRECTORY_SECTORS; hops++) {
    const at = sectorAt(dir);
    if (at + size > b.length) break;
    for (let e = 0; e < size / 128; e++) {
      const entry = at + e * 128;
      const type = b[entry + 0x42];
      const length = u16(b, entry + 0x40);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i < length / 2 - 1; i++) name += String.fromCharCode(u16(b, entry + i * 2));
      names.push(name);
    }
    dir = next(dir);
  }
  return names.length > 0 ? names : undefined;
}

export type CompoundKind = 'encrypted' | 'legacy' | 'other';

/** What a compound file holds, from its directory's names. */
export function compoundKind(b: Uint8Array): CompoundKind {
  const names = compoundFileNames(b) ?? [];
  if (names.includes('EncryptedPackage') || names.includes('EncryptionInfo')) return 'encrypted';
  if (names.includes('Workbook') || names.includes('Book')) return 'legacy';
  return 'other';
}
