import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidKeyError, ObjectStore } from "../../../emulator/storage/object-store";

describe("the emulator's object store", () => {
  let root: string;
  let store: ObjectStore;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "mediajobs-store-unit-"));
    store = new ObjectStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("lists in byte order, grouped by a delimiter, a page at a time with a marker", () => {
    for (const key of ["a/1.jpg", "a/2.jpg", "a/b/3.jpg", "a/c/4.jpg", "a/Z.jpg", "z.jpg"]) {
      store.put("cos", "bucket-1250000000", key, Buffer.from(key), "image/jpeg");
    }
    const all = store.list("cos", "bucket-1250000000", { prefix: "a/", delimiter: "/" });
    assert.deepEqual(all.objects.map((o) => o.key), ["a/1.jpg", "a/2.jpg", "a/Z.jpg"]);
    assert.deepEqual(all.commonPrefixes, ["a/b/", "a/c/"]);
    const first = store.list("cos", "bucket-1250000000", { prefix: "a/", maxKeys: 2 });
    assert.deepEqual(first.objects.map((o) => o.key), ["a/1.jpg", "a/2.jpg"]);
    assert.equal(first.truncated, true);
    const next = store.list("cos", "bucket-1250000000", { prefix: "a/", maxKeys: 2, marker: first.nextMarker });
    assert.deepEqual(next.objects.map((o) => o.key), ["a/Z.jpg", "a/b/3.jpg"], "byte order: Z before b");
  });

  it("keeps COS and OSS buckets apart, and knows a bucket once it holds an object", () => {
    assert.equal(store.bucketExists("oss", "photos"), false);
    store.put("oss", "photos", "p.jpg", Buffer.from("x"), "image/jpeg");
    assert.equal(store.bucketExists("oss", "photos"), true);
    assert.equal(store.bucketExists("cos", "photos"), false);
  });

  it("describes a file copied into the data directory by hand", () => {
    mkdirSync(join(root, "cos", "bucket-1250000000", "in"), { recursive: true });
    writeFileSync(join(root, "cos", "bucket-1250000000", "in", "clip.mp4"), "bytes");
    assert.equal(store.head("cos", "bucket-1250000000", "in/clip.mp4")?.md5, "4b3a6218bb3e3a7303e8a171a60fcf92");
  });

  it("refuses names that would escape the bucket or collide with a prefix", () => {
    for (const key of ["../x", "a//b", "/a", "a/./b"]) {
      assert.throws(() => store.put("cos", "bucket-1250000000", key, Buffer.from(""), "text/plain"), InvalidKeyError, key);
    }
    store.put("cos", "bucket-1250000000", "a/b", Buffer.from(""), "text/plain");
    assert.throws(() => store.put("cos", "bucket-1250000000", "a", Buffer.from(""), "text/plain"), /prefix of other objects/);
  });

  it("deletes, and says whether there was anything", () => {
    store.put("cos", "bucket-1250000000", "x", Buffer.from("x"), "text/plain");
    assert.equal(store.delete("cos", "bucket-1250000000", "x"), true);
    assert.equal(store.delete("cos", "bucket-1250000000", "x"), false);
    assert.equal(store.head("cos", "bucket-1250000000", "x"), undefined);
  });
});
