/**
 * The emulator's object store: the buckets of COS and of OSS, backed by a directory a person can browse. An object
 * `videos/a.mp4` of COS bucket `media-1250000000` is the file `<root>/cos/media-1250000000/videos/a.mp4`; its
 * content type, MD5 and time live beside it under `<root>/.meta/`. A bucket exists once an object was written to
 * it (the emulator has no bucket API): jobs whose input bucket exists process real media, the others keep their
 * synthetic answers.
 */
import { createHash } from "node:crypto";
import {
  existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export type StorageService = "cos" | "oss";

export interface ObjectMeta {
  key: string;
  size: number;
  /** Hex MD5 of the content (what both clouds report as the ETag of a simple upload). */
  md5: string;
  contentType: string;
  lastModified: number;
}

export interface ListOptions {
  prefix?: string;
  /** List keys after this one. */
  marker?: string;
  maxKeys?: number;
  delimiter?: string;
}

export interface Listing {
  objects: ObjectMeta[];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last key or prefix returned, when truncated. */
  nextMarker?: string;
}

/** An object name the store cannot hold as a file (both clouds allow more; the emulator refuses these clearly). */
export class InvalidKeyError extends Error {}

export class ObjectStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  bucketExists(service: StorageService, bucket: string): boolean {
    return existsSync(this.bucketDir(service, bucket));
  }

  /** Where the object's content is (for ffmpeg), whether or not it exists. */
  path(service: StorageService, bucket: string, key: string): string {
    return join(this.bucketDir(service, bucket), ...segments(key));
  }

  put(service: StorageService, bucket: string, key: string, body: Buffer, contentType: string,
    now = Date.now()): ObjectMeta {
    const file = this.path(service, bucket, key);
    if (existsSync(file) && statSync(file).isDirectory()) {
      throw new InvalidKeyError(`"${key}" is a prefix of other objects here; the emulator stores objects as files ` +
        "and cannot hold both.");
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    const meta: ObjectMeta = { key, size: body.length, md5: createHash("md5").update(body).digest("hex"),
      contentType, lastModified: now };
    const metaFile = this.metaPath(service, bucket, key);
    mkdirSync(dirname(metaFile), { recursive: true });
    writeFileSync(metaFile, JSON.stringify(meta));
    return meta;
  }

  /** Writes a file the emulator made (a job's output) as an object. */
  putFile(service: StorageService, bucket: string, key: string, source: string, contentType: string): ObjectMeta {
    return this.put(service, bucket, key, readFileSync(source), contentType);
  }

  head(service: StorageService, bucket: string, key: string): ObjectMeta | undefined {
    let file: string;
    try {
      file = this.path(service, bucket, key);
    } catch {
      return undefined;
    }
    if (!existsSync(file) || !statSync(file).isFile()) return undefined;
    const metaFile = this.metaPath(service, bucket, key);
    if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, "utf8")) as ObjectMeta;
    // Copied into the data directory by hand: described from the file itself.
    const body = readFileSync(file);
    return { key, size: body.length, md5: createHash("md5").update(body).digest("hex"),
      contentType: "application/octet-stream", lastModified: statSync(file).mtimeMs };
  }

  get(service: StorageService, bucket: string, key: string): { meta: ObjectMeta; body: Buffer } | undefined {
    const meta = this.head(service, bucket, key);
    return meta && { meta, body: readFileSync(this.path(service, bucket, key)) };
  }

  /** Deletes an object; false when there was none (both clouds answer 204 either way). */
  delete(service: StorageService, bucket: string, key: string): boolean {
    if (!this.head(service, bucket, key)) return false;
    rmSync(this.path(service, bucket, key));
    rmSync(this.metaPath(service, bucket, key), { force: true });
    return true;
  }

  /** Keys in byte order after `marker`, grouped by `delimiter` after `prefix`, at most `maxKeys` entries. */
  list(service: StorageService, bucket: string, options: ListOptions = {}): Listing {
    const prefix = options.prefix ?? "";
    const max = options.maxKeys ?? 1000;
    const keys = this.keys(service, bucket).filter((k) => k.startsWith(prefix) && k > (options.marker ?? ""));
    const objects: ObjectMeta[] = [];
    const commonPrefixes: string[] = [];
    let last: string | undefined;
    for (const key of keys) {
      const cut = options.delimiter ? key.indexOf(options.delimiter, prefix.length) : -1;
      const common = cut >= 0 ? key.slice(0, cut + options.delimiter!.length) : undefined;
      if (common !== undefined && commonPrefixes.at(-1) === common) continue;
      if (objects.length + commonPrefixes.length === max) return { objects, commonPrefixes, truncated: true, nextMarker: last };
      if (common !== undefined) commonPrefixes.push(common);
      else objects.push(this.head(service, bucket, key)!);
      last = common ?? key;
    }
    return { objects, commonPrefixes, truncated: false };
  }

  private keys(service: StorageService, bucket: string): string[] {
    const dir = this.bucketDir(service, bucket);
    if (!existsSync(dir)) return [];
    const found: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const full = join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) found.push(relative(dir, full).split(sep).join("/"));
      }
    };
    walk(dir);
    // Byte order of the UTF-8 names, as both clouds list.
    return found.map((k) => [k, Buffer.from(k)] as const).sort(([, a], [, b]) => Buffer.compare(a, b)).map(([k]) => k);
  }

  private bucketDir(service: StorageService, bucket: string): string {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(bucket)) throw new InvalidKeyError(`"${bucket}" is not a bucket name.`);
    return join(this.root, service, bucket);
  }

  private metaPath(service: StorageService, bucket: string, key: string): string {
    return join(this.root, ".meta", service, bucket, createHash("sha1").update(key).digest("hex") + ".json");
  }
}

/** The key's path segments; names that are not plain file names are refused rather than escaping the bucket. */
function segments(key: string): string[] {
  const parts = key.split("/");
  if (!key || parts.some((p) => p === "" || p === "." || p === ".." || p.includes("\0"))) {
    throw new InvalidKeyError(`The emulator cannot store the object name "${key}" (empty, "." or ".." segments, ` +
      "or a leading, trailing or doubled /).");
  }
  return parts;
}
