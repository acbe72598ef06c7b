/**
 * Reads the plugin's release archives and the executables in them without running them, for the targets this
 * machine cannot run (test/integration/platform-archives.test.ts): tar members, the executable format and
 * architecture (ELF, Mach-O, PE32+), the Node single-executable application blob postject injected (Mach-O segment
 * NODE_SEA, PE resource NODE_SEA_BLOB) and its sentinel fuse, and a Mach-O code signature checked as the loader
 * checks it: the code directory's page hashes recomputed over the file.
 */
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";

/** One member of a tar archive. */
export interface TarMember {
  name: string;
  mode: number;
  /** "0" for a regular file. */
  type: string;
  /** "ustar" (POSIX or GNU). */
  magic: string;
  data: Buffer;
}

const cString = (b: Buffer, start: number, length: number): string => {
  const end = b.indexOf(0, start);
  return b.toString("latin1", start, end >= 0 && end < start + length ? end : start + length);
};
const octal = (b: Buffer, start: number, length: number): number => parseInt(cString(b, start, length).trim() || "0", 8);

/** The members of a gzip-compressed tar archive, in order. */
export function readTarGz(archive: Buffer): TarMember[] {
  const tar = gunzipSync(archive);
  const members: TarMember[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break;
    const sum = header.reduce((s, byte, i) => s + (i >= 148 && i < 156 ? 32 : byte), 0);
    if (sum !== octal(header, 148, 8)) throw new Error(`tar header at ${at}: bad checksum`);
    const prefix = cString(header, 345, 155);
    const name = (prefix ? `${prefix}/` : "") + cString(header, 0, 100);
    const size = octal(header, 124, 12);
    members.push({ name, mode: octal(header, 100, 8), type: String.fromCharCode(header[156] || 0x30),
      magic: cString(header, 257, 6).trim(), data: tar.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return members;
}

/** The sentinel fuse postject flips from `:0` to `:1` when it injects a blob. */
export const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** Whether the executable's sentinel fuse is present once and flipped. */
export function fuseFlipped(exe: Buffer): boolean {
  const fuse = Buffer.from(`${SEA_FUSE}:`, "latin1");
  const at = exe.indexOf(fuse);
  return at >= 0 && exe[at + fuse.length] === 0x31 && exe.indexOf(fuse, at + 1) < 0;
}

/** A Node SEA blob's header (node_sea.h): its magic, and its flags. */
export interface SeaBlob {
  flags: number;
  disableWarning: boolean;
  useSnapshot: boolean;
  useCodeCache: boolean;
  data: Buffer;
}
export const SEA_MAGIC = 0x0143da20;

export function readSeaBlob(blob: Buffer): SeaBlob {
  if (blob.length < 8 || blob.readUInt32LE(0) !== SEA_MAGIC) {
    throw new Error(`not a Node SEA blob (magic ${blob.length >= 4 ? blob.readUInt32LE(0).toString(16) : "none"})`);
  }
  const flags = blob.readUInt32LE(4);
  return { flags, disableWarning: (flags & 1) !== 0, useSnapshot: (flags & 2) !== 0, useCodeCache: (flags & 4) !== 0,
    data: blob };
}

// --- ELF -------------------------------------------------------------------------------------------------------

export interface ElfInfo {
  bits: 64 | 32;
  littleEndian: boolean;
  machine: "x86-64" | "aarch64" | string;
  type: number;
  /** The descriptors of the notes in PT_NOTE segments, by note name (postject's is NODE_SEA_BLOB). */
  notes: Map<string, Buffer>;
}

/** A 64-bit little-endian ELF file's header and the notes of its PT_NOTE segments. */
export function readElf(exe: Buffer): ElfInfo {
  if (exe.readUInt32BE(0) !== 0x7f454c46) throw new Error("not an ELF file");
  const machine = exe.readUInt16LE(18);
  const notes = new Map<string, Buffer>();
  const phoff = Number(exe.readBigUInt64LE(32));
  const phentsize = exe.readUInt16LE(54);
  for (let i = 0; i < exe.readUInt16LE(56); i++) {
    const ph = phoff + i * phentsize;
    if (exe.readUInt32LE(ph) !== 4) continue;
    const start = Number(exe.readBigUInt64LE(ph + 8));
    const end = start + Number(exe.readBigUInt64LE(ph + 32));
    const align = Math.max(4, Number(exe.readBigUInt64LE(ph + 48)) === 8 ? 8 : 4);
    const up = (n: number) => Math.ceil(n / align) * align;
    for (let at = start; at + 12 <= end;) {
      const namesz = exe.readUInt32LE(at);
      const descsz = exe.readUInt32LE(at + 4);
      const name = cString(exe, at + 12, namesz);
      const desc = at + 12 + up(namesz);
      notes.set(name, exe.subarray(desc, desc + descsz));
      at = desc + up(descsz);
    }
  }
  return { bits: exe[4] === 2 ? 64 : 32, littleEndian: exe[5] === 1, type: exe.readUInt16LE(16),
    machine: machine === 62 ? "x86-64" : machine === 183 ? "aarch64" : `machine ${machine}`, notes };
}

// --- Mach-O ----------------------------------------------------------------------------------------------------

export interface MachOSection { segment: string; name: string; offset: number; size: number }
export interface MachOSegment { name: string; fileoff: number; filesize: number; sections: MachOSection[] }
export interface MachOInfo {
  cpu: "x86_64" | "arm64" | string;
  /** 2: MH_EXECUTE. */
  filetype: number;
  segments: MachOSegment[];
  /** LC_CODE_SIGNATURE: where the signature's SuperBlob is. */
  codeSignature?: { dataoff: number; datasize: number };
}

const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;

/** A 64-bit little-endian Mach-O executable's header and the load commands these tests need. */
export function readMachO(exe: Buffer): MachOInfo {
  if (exe.readUInt32LE(0) !== 0xfeedfacf) throw new Error("not a 64-bit Mach-O file (thin, little-endian)");
  const cputype = exe.readUInt32LE(4);
  const info: MachOInfo = {
    cpu: cputype === 0x01000007 ? "x86_64" : cputype === 0x0100000c ? "arm64" : `cputype 0x${cputype.toString(16)}`,
    filetype: exe.readUInt32LE(12), segments: [],
  };
  const ncmds = exe.readUInt32LE(16);
  let at = 32;
  for (let i = 0; i < ncmds; i++) {
    const cmd = exe.readUInt32LE(at);
    const size = exe.readUInt32LE(at + 4);
    if (cmd === LC_SEGMENT_64) {
      const segment: MachOSegment = { name: cString(exe, at + 8, 16), fileoff: Number(exe.readBigUInt64LE(at + 40)),
        filesize: Number(exe.readBigUInt64LE(at + 48)), sections: [] };
      const nsects = exe.readUInt32LE(at + 64);
      for (let s = 0; s < nsects; s++) {
        const sect = at + 72 + s * 80;
        segment.sections.push({ name: cString(exe, sect, 16), segment: cString(exe, sect + 16, 16),
          size: Number(exe.readBigUInt64LE(sect + 40)), offset: exe.readUInt32LE(sect + 48) });
      }
      info.segments.push(segment);
    } else if (cmd === LC_CODE_SIGNATURE) {
      info.codeSignature = { dataoff: exe.readUInt32LE(at + 8), datasize: exe.readUInt32LE(at + 12) };
    }
    at += size;
  }
  return info;
}

/** What a Mach-O code signature says, and whether every hash in it matches the file. */
export interface CodeSignatureCheck {
  adHoc: boolean;
  identifier: string;
  hashType: "sha256" | "sha1" | string;
  pageSize: number;
  codeLimit: number;
  codeSlots: number;
  /** Pages whose recomputed hash differs from the code directory's. */
  badPages: number[];
  /** Special slots (-1 Info.plist, -2 requirements, -5 entitlements, -7 DER entitlements) whose blob's hash differs. */
  badSpecialSlots: number[];
  /** The blob types in the SuperBlob (0 code directory, 2 requirements, 5/7 entitlements, 0x10000 CMS). */
  blobTypes: number[];
  /** Whether a CMS signature blob carries any data (none for an ad-hoc signature). */
  cmsSigned: boolean;
}

const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CS_ADHOC = 0x2;

/**
 * Checks the embedded code signature of a Mach-O executable as the kernel does when it maps the file: the
 * SuperBlob at LC_CODE_SIGNATURE, its code directory, every page of the file up to the code limit hashed again and
 * compared with the code directory's slot, and the special slots' blobs hashed again.
 */
export function checkCodeSignature(exe: Buffer, macho: MachOInfo = readMachO(exe)): CodeSignatureCheck {
  const sig = macho.codeSignature;
  if (!sig) throw new Error("no LC_CODE_SIGNATURE");
  if (sig.dataoff + sig.datasize > exe.length) throw new Error("the code signature runs past the end of the file");
  const blob = exe.subarray(sig.dataoff, sig.dataoff + sig.datasize);
  if (blob.readUInt32BE(0) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new Error("the signature is not an embedded SuperBlob");
  const count = blob.readUInt32BE(8);
  const blobs = new Map<number, Buffer>();
  for (let i = 0; i < count; i++) {
    const type = blob.readUInt32BE(12 + i * 8);
    const offset = blob.readUInt32BE(16 + i * 8);
    blobs.set(type, blob.subarray(offset, offset + blob.readUInt32BE(offset + 4)));
  }
  const cd = blobs.get(0);
  if (!cd || cd.readUInt32BE(0) !== CSMAGIC_CODEDIRECTORY) throw new Error("no code directory in the signature");
  const flags = cd.readUInt32BE(12);
  const hashOffset = cd.readUInt32BE(16);
  const identOffset = cd.readUInt32BE(20);
  const nSpecialSlots = cd.readUInt32BE(24);
  const nCodeSlots = cd.readUInt32BE(28);
  const codeLimit = cd.readUInt32BE(32);
  const hashSize = cd[36]!;
  const hashType = cd[37]!;
  const pageSize = 2 ** cd[39]!;
  const algorithm = hashType === 2 ? "sha256" : hashType === 1 ? "sha1" : undefined;
  if (!algorithm) throw new Error(`unknown code directory hash type ${hashType}`);
  const digest = (data: Buffer) => {
    const full = createHash(algorithm).update(data).digest();
    return full.subarray(0, hashSize);
  };
  const badPages: number[] = [];
  for (let page = 0; page < nCodeSlots; page++) {
    const start = page * pageSize;
    const hash = digest(exe.subarray(start, Math.min(start + pageSize, codeLimit)));
    if (!hash.equals(cd.subarray(hashOffset + page * hashSize, hashOffset + (page + 1) * hashSize))) badPages.push(page);
  }
  if (nCodeSlots !== Math.ceil(codeLimit / pageSize)) badPages.push(-1);
  const badSpecialSlots: number[] = [];
  for (let slot = 1; slot <= nSpecialSlots; slot++) {
    const expected = cd.subarray(hashOffset - slot * hashSize, hashOffset - (slot - 1) * hashSize);
    const special = blobs.get(slot);
    const ok = special ? digest(special).equals(expected) : expected.every((byte) => byte === 0);
    if (!ok) badSpecialSlots.push(-slot);
  }
  const cms = blobs.get(0x10000);
  return {
    adHoc: (flags & CS_ADHOC) !== 0, identifier: cString(cd, identOffset, cd.length - identOffset), hashType: algorithm,
    pageSize, codeLimit, codeSlots: nCodeSlots, badPages, badSpecialSlots, blobTypes: [...blobs.keys()],
    cmsSigned: cms !== undefined && cms.length > 8,
  };
}

// --- PE ----------------------------------------------------------------------------------------------------------

export interface PeInfo {
  /** 0x8664: x86-64; 0xaa64: arm64. */
  machine: number;
  /** 0x20b: PE32+. */
  optionalMagic: number;
  /** 3: console. */
  subsystem: number;
  /** Resources as "<type>/<name>" (a numeric type or name in decimal) with their data. */
  resources: Map<string, Buffer>;
}

/** A PE executable's headers and its resources (the .rsrc tree: type, name, language). */
export function readPe(exe: Buffer): PeInfo {
  if (exe.toString("latin1", 0, 2) !== "MZ") throw new Error("not a PE file (no MZ header)");
  const pe = exe.readUInt32LE(0x3c);
  if (exe.readUInt32BE(pe) !== 0x50450000) throw new Error("not a PE file (no PE signature)");
  const coff = pe + 4;
  const machine = exe.readUInt16LE(coff);
  const nSections = exe.readUInt16LE(coff + 2);
  const optSize = exe.readUInt16LE(coff + 16);
  const opt = coff + 20;
  const optionalMagic = exe.readUInt16LE(opt);
  const subsystem = exe.readUInt16LE(opt + 68);
  const sections = Array.from({ length: nSections }, (_, i) => {
    const s = opt + optSize + i * 40;
    return { va: exe.readUInt32LE(s + 12), vsize: exe.readUInt32LE(s + 8), rawSize: exe.readUInt32LE(s + 16),
      raw: exe.readUInt32LE(s + 20) };
  });
  const offsetOf = (rva: number) => {
    const s = sections.find((x) => rva >= x.va && rva < x.va + Math.max(x.vsize, x.rawSize));
    if (!s) throw new Error(`RVA 0x${rva.toString(16)} is in no section`);
    return rva - s.va + s.raw;
  };
  const resources = new Map<string, Buffer>();
  // PE32+ data directories start 112 bytes into the optional header; the resource table is the third.
  const rsrcRva = optionalMagic === 0x20b ? exe.readUInt32LE(opt + 112 + 2 * 8) : 0;
  if (rsrcRva) {
    const root = offsetOf(rsrcRva);
    const entries = (dir: number) => {
      const n = exe.readUInt16LE(root + dir + 12) + exe.readUInt16LE(root + dir + 14);
      return Array.from({ length: n }, (_, i) => {
        const e = root + dir + 16 + i * 8;
        const name = exe.readUInt32LE(e);
        const target = exe.readUInt32LE(e + 4);
        const label = name & 0x80000000
          ? exe.toString("utf16le", root + (name & 0x7fffffff) + 2,
            root + (name & 0x7fffffff) + 2 + 2 * exe.readUInt16LE(root + (name & 0x7fffffff)))
          : String(name);
        return { label, dir: (target & 0x80000000) !== 0, offset: target & 0x7fffffff };
      });
    };
    for (const type of entries(0).filter((e) => e.dir)) {
      for (const name of entries(type.offset).filter((e) => e.dir)) {
        const [lang] = entries(name.offset).filter((e) => !e.dir);
        if (!lang) continue;
        const data = root + lang.offset;
        const at = offsetOf(exe.readUInt32LE(data));
        resources.set(`${type.label}/${name.label}`, exe.subarray(at, at + exe.readUInt32LE(data + 4)));
      }
    }
  }
  return { machine, optionalMagic, subsystem, resources };
}
