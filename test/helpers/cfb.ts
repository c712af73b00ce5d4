/**
 * A minimal OLE compound file (MS-CFB version 3: a FAT sector and one directory sector) holding
 * empty streams of the given names — the directory an encrypted .xlsx (EncryptionInfo,
 * EncryptedPackage) or an .xls (Workbook) has, for tests of telling such files apart.
 */
export function compoundFile(streams: readonly string[]): Buffer {
  if (streams.length > 3) throw new Error('at most 3 streams fit one directory sector');
  const b = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 0x18);
  b.writeUInt16LE(3, 0x1a);
  b.writeUInt16LE(0xfffe, 0x1c);
  b.writeUInt16LE(9, 0x1e);
  b.writeUInt16LE(6, 0x20);
  b.writeUInt32LE(1, 0x2c); // FAT sectors
  b.writeUInt32LE(1, 0x30); // first directory sector
  b.writeUInt32LE(4096, 0x38);
  b.writeUInt32LE(0xfffffffe, 0x3c);
  b.writeUInt32LE(0xfffffffe, 0x44);
  b.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  const fat = 512;
  for (let i = 0; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  b.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT
  b.writeUInt32LE(0xfffffffe, fat + 4); // sector 1, the directory, ends its chain
  const dir = 1024;
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = dir + i * 128;
    for (let k = 0; k < name.length; k++) b.writeUInt16LE(name.charCodeAt(k), at + k * 2);
    b.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    b[at + 0x42] = i === 0 ? 5 : 2;
    b[at + 0x43] = 1;
    b.writeUInt32LE(0xffffffff, at + 0x44);
    b.writeUInt32LE(i > 0 && i < streams.length ? i + 1 : 0xffffffff, at + 0x48);
    b.writeUInt32LE(i === 0 && streams.length > 0 ? 1 : 0xffffffff, at + 0x4c);
    b.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return b;
}
