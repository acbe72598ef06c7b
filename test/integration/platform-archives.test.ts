/**
 * The plugin's release archives for the targets this machine does not run (darwin-amd64, darwin-arm64,
 * windows-amd64), checked structurally, and the two linux ones as far as a file goes (they run through the engine
 * in test/e2e/platforms.e2e.test.ts): each archive a tar of the executable, LICENSE and README.md; the executable
 * of the target's format and architecture, with the plugin's Node SEA blob injected (the same blob for every
 * target but linux-amd64, without a code cache; linux-amd64's with one) and its fuse flipped; the darwin executables ad-hoc signed, every page hash of the
 * code directory matching the file; SHA256SUMS matching the archives.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkCodeSignature, fuseFlipped, readElf, readMachO, readPe, readSeaBlob, readTarGz, TarMember,
} from "../helpers/executables";
import { archiveName, executableName, releaseArchive, releaseDir, Target, TARGETS } from "../helpers/platforms";

describe("integration: the plugin's release archives for every platform", function () {
  this.timeout(600_000);
  const members = new Map<Target, TarMember[]>();
  const executable = (target: Target) => members.get(target)!.find((m) => m.name === executableName(target))!.data;
  const blobs = new Map<Target, Buffer>();

  before(function () {
    for (const target of TARGETS) members.set(target, readTarGz(readFileSync(releaseArchive(target))));
  });

  it("SHA256SUMS lists the five archives with their sha256", () => {
    const lines = readFileSync(join(releaseDir(), "SHA256SUMS"), "utf8").trim().split("\n");
    assert.deepEqual(lines.map((l) => l.replace(/^[0-9a-f]{64} [ *]/, "")).sort(), TARGETS.map(archiveName).sort());
    for (const line of lines) {
      const [sum, file] = [line.slice(0, 64), line.slice(66)];
      assert.equal(createHash("sha256").update(readFileSync(join(releaseDir(), file))).digest("hex"), sum, file);
    }
  });

  for (const target of TARGETS) {
    it(`${target}: a tar of the executable (mode 755), LICENSE and README.md`, () => {
      const list = members.get(target)!;
      assert.deepEqual(list.map((m) => m.name), [executableName(target), "LICENSE", "README.md"]);
      for (const m of list) {
        assert.equal(m.type, "0", `${m.name} is a regular file`);
        assert.equal(m.magic, "ustar");
      }
      assert.equal(list[0]!.mode & 0o777, 0o755);
      assert.ok(list[0]!.data.length > 50_000_000, "the executable holds Node");
      assert.ok(fuseFlipped(list[0]!.data), "the SEA fuse is flipped: Node runs the injected blob");
    });
  }

  for (const [target, machine] of [["linux-amd64", "x86-64"], ["linux-arm64", "aarch64"]] as const) {
    it(`${target}: a 64-bit little-endian ELF executable for ${machine}`, () => {
      const elf = readElf(executable(target));
      assert.deepEqual([elf.bits, elf.littleEndian, elf.machine], [64, true, machine]);
      const blob = elf.notes.get("NODE_SEA_BLOB");
      assert.ok(blob, `notes: ${[...elf.notes.keys()].join(" ")}`);
      blobs.set(target, blob);
    });
  }

  for (const [target, cpu] of [["darwin-amd64", "x86_64"], ["darwin-arm64", "arm64"]] as const) {
    it(`${target}: a Mach-O ${cpu} executable with the blob in its NODE_SEA segment`, () => {
      const exe = executable(target);
      const macho = readMachO(exe);
      assert.equal(macho.cpu, cpu);
      assert.equal(macho.filetype, 2, "MH_EXECUTE");
      const segment = macho.segments.find((s) => s.name === "NODE_SEA");
      assert.ok(segment, `segments: ${macho.segments.map((s) => s.name).join(" ")}`);
      const section = segment.sections.find((s) => s.name === "__NODE_SEA_BLOB");
      assert.ok(section, "section __NODE_SEA_BLOB");
      blobs.set(target, exe.subarray(section.offset, section.offset + section.size));
    });

    it(`${target}: ad-hoc signed, every page hash matching the file`, () => {
      const exe = executable(target);
      const macho = readMachO(exe);
      assert.ok(macho.codeSignature, "LC_CODE_SIGNATURE");
      const linkedit = macho.segments.find((s) => s.name === "__LINKEDIT")!;
      assert.equal(linkedit.fileoff + linkedit.filesize, exe.length, "__LINKEDIT ends the file");
      assert.ok(macho.codeSignature.dataoff >= linkedit.fileoff, "the signature lies in __LINKEDIT");
      const sig = checkCodeSignature(exe, macho);
      assert.equal(sig.adHoc, true, "CS_ADHOC");
      assert.equal(sig.cmsSigned, false, "no certificate signature");
      assert.equal(sig.identifier, "pulumi-resource-mediajobs");
      assert.equal(sig.hashType, "sha256");
      assert.equal(sig.codeLimit, macho.codeSignature.dataoff, "every byte before the signature is hashed");
      assert.ok(sig.codeSlots > 1000);
      assert.deepEqual(sig.badPages, []);
      assert.deepEqual(sig.badSpecialSlots, []);
      // The check itself: one byte changed in the NODE_SEA segment is caught.
      const tampered = Buffer.from(exe);
      const at = macho.segments.find((s) => s.name === "NODE_SEA")!.fileoff + 100;
      tampered[at] = tampered[at]! ^ 0xff;
      assert.deepEqual(checkCodeSignature(tampered, macho).badPages, [Math.floor(at / sig.pageSize)]);
    });
  }

  it("windows-amd64: a PE32+ x86-64 console executable with the blob as its NODE_SEA_BLOB resource", () => {
    const pe = readPe(executable("windows-amd64"));
    assert.equal(pe.machine, 0x8664, "IMAGE_FILE_MACHINE_AMD64");
    assert.equal(pe.optionalMagic, 0x20b, "PE32+");
    assert.equal(pe.subsystem, 3, "IMAGE_SUBSYSTEM_WINDOWS_CUI");
    const name = [...pe.resources.keys()].find((k) => /\/NODE_SEA_BLOB$/i.test(k));
    assert.ok(name, `resources: ${[...pe.resources.keys()].join(" ")}`);
    blobs.set("windows-amd64", pe.resources.get(name)!);
  });

  it("one SEA blob for the cross targets (no code cache, no snapshot), linux-amd64's with V8's code cache", () => {
    assert.deepEqual([...blobs.keys()].sort(), [...TARGETS].sort());
    const native = readSeaBlob(blobs.get("linux-amd64")!);
    assert.deepEqual([native.disableWarning, native.useCodeCache, native.useSnapshot], [true, true, false],
      "linux-amd64, built by its own Node, keeps V8's code cache");
    blobs.delete("linux-amd64");
    const [first, ...rest] = [...blobs.values()];
    for (const other of rest) assert.ok(other!.equals(first!), "byte-identical blobs");
    const sea = readSeaBlob(first!);
    assert.deepEqual([sea.disableWarning, sea.useCodeCache, sea.useSnapshot], [true, false, false]);
    assert.ok(sea.data.includes("plugin.js"), "the blob's main script");
    assert.ok(sea.data.includes("CiMediaJob") && sea.data.includes("IProductionJob"), "the bundled provider");
    assert.ok(sea.data.length > 1_000_000, "the whole bundle");
  });
});
