/**
 * The emulator's object store through the vendors' own SDKs and through ours: cos-nodejs-sdk-v5 (q-sign) and
 * ali-oss (OSS signature V1) put, get, head, list and delete objects, and a wrong key is refused as the clouds refuse
 * it; what they write is on disk under `--data-dir`.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import COS from "cos-nodejs-sdk-v5";
import OSS from "ali-oss";
import {
  Emulator, EMULATOR_ALIBABA_CREDENTIALS as ALI, EMULATOR_TENCENT_CREDENTIALS as TC, startEmulator,
} from "../../emulator";
import { CosObjects } from "../../provider/clients/tencent/cos-objects";
import { OssObjects } from "../../provider/clients/alibaba/oss-objects";
import { HttpTransport } from "../../provider/http/transport";
import { CloudApiError } from "../../provider/errors";
import { mapVendorHostsToLoopback } from "../helpers/vendor-hosts";

const COS_BUCKET = "media-1250000000";
const REGION = "ap-guangzhou";
const OSS_BUCKET = "media-photos";
const md5 = (b: Buffer | string) => createHash("md5").update(b).digest("hex");

describe("the emulator's object store (COS and OSS object APIs)", function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let port: string;
  let dataDir: string;
  let restoreHosts: () => void;
  const transport = new HttpTransport();

  before(async () => {
    restoreHosts = mapVendorHostsToLoopback();
    dataDir = mkdtempSync(join(tmpdir(), "mediajobs-store-test-"));
    emulator = await startEmulator({ dataDir });
    port = new URL(emulator.url).port;
  });
  after(async () => {
    await emulator.close();
    await transport.close();
    restoreHosts();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("cos-nodejs-sdk-v5", () => {
    const cos = (secretKey: string = TC.secretKey) => new COS({ SecretId: TC.secretId, SecretKey: secretKey, Protocol: "http:",
      Domain: `{Bucket}.cos.{Region}.myqcloud.com:${port}` });
    const call = <T>(fn: (cb: (err: unknown, data: T) => void) => void) =>
      new Promise<T>((resolve, reject) => fn((err, data) => (err ? reject(err) : resolve(data))));
    const body = Buffer.from("a small object, written through the official SDK\n");

    it("puts an object (its ETag is the MD5) and it lands in the data directory", async () => {
      const res = await call<COS.PutObjectResult>((cb) => cos().putObject({ Bucket: COS_BUCKET, Region: REGION,
        Key: "docs/readme.txt", Body: body, ContentType: "text/plain" }, cb));
      assert.equal(res.statusCode, 200);
      assert.equal(res.ETag, `"${md5(body)}"`);
      assert.deepEqual(readFileSync(join(dataDir, "cos", COS_BUCKET, "docs", "readme.txt")), body);
    });

    it("gets it back, and heads it", async () => {
      const got = await call<COS.GetObjectResult>((cb) => cos().getObject({ Bucket: COS_BUCKET, Region: REGION,
        Key: "docs/readme.txt" }, cb));
      assert.deepEqual(got.Body, body);
      assert.equal(got.headers?.["content-type"], "text/plain");
      const head = await call<COS.HeadObjectResult>((cb) => cos().headObject({ Bucket: COS_BUCKET, Region: REGION,
        Key: "docs/readme.txt" }, cb));
      assert.equal(head.headers?.["content-length"], String(body.length));
    });

    it("lists the bucket by prefix and delimiter", async () => {
      await call((cb) => cos().putObject({ Bucket: COS_BUCKET, Region: REGION, Key: "docs/sub/deeper.txt", Body: "x" }, cb));
      const listed = await call<COS.GetBucketResult>((cb) => cos().getBucket({ Bucket: COS_BUCKET, Region: REGION,
        Prefix: "docs/", Delimiter: "/" }, cb));
      assert.deepEqual(listed.Contents.map((c) => c.Key), ["docs/readme.txt"]);
      assert.deepEqual(listed.CommonPrefixes.map((p) => p.Prefix), ["docs/sub/"]);
    });

    it("answers a missing object with NoSuchKey, and refuses a wrong secret with SignatureDoesNotMatch", async () => {
      await assert.rejects(call((cb) => cos().getObject({ Bucket: COS_BUCKET, Region: REGION, Key: "docs/none" }, cb)),
        (e: { statusCode?: number; code?: string }) => e.statusCode === 404 && e.code === "NoSuchKey");
      await assert.rejects(call((cb) => cos("not-the-secret").getObject({ Bucket: COS_BUCKET, Region: REGION,
        Key: "docs/readme.txt" }, cb)), (e: { code?: string }) => e.code === "SignatureDoesNotMatch");
    });

    it("deletes it (204, also when it is already gone)", async () => {
      for (let i = 0; i < 2; i++) {
        const res = await call<COS.DeleteObjectResult>((cb) => cos().deleteObject({ Bucket: COS_BUCKET, Region: REGION,
          Key: "docs/readme.txt" }, cb));
        assert.equal(res.statusCode, 204);
      }
      assert.equal(existsSync(join(dataDir, "cos", COS_BUCKET, "docs", "readme.txt")), false);
    });
  });

  describe("ali-oss", () => {
    const oss = (accessKeySecret: string = ALI.accessKeySecret) => new OSS({ region: "oss-cn-shanghai", bucket: OSS_BUCKET,
      accessKeyId: ALI.accessKeyId, accessKeySecret, endpoint: `http://127.0.0.1:${port}` });
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

    it("puts an object (Content-MD5 checked, ETag the upper-case MD5)", async () => {
      const res = await oss().put("photos/team.jpg", photo);
      assert.equal(res.res.status, 200);
      assert.equal((res.res.headers as Record<string, string>).etag, `"${md5(photo).toUpperCase()}"`);
      assert.equal(emulator.objects.head("oss", OSS_BUCKET, "photos/team.jpg")?.contentType, "image/jpeg");
    });

    it("gets, heads and lists it", async () => {
      assert.deepEqual((await oss().get("photos/team.jpg")).content, photo);
      assert.equal((await oss().head("photos/team.jpg")).status, 200);
      const listed = await oss().list({ prefix: "photos/", "max-keys": 10 }, {});
      assert.deepEqual(listed.objects.map((o) => o.name), ["photos/team.jpg"]);
    });

    it("refuses a wrong secret with SignatureDoesNotMatch, and a missing object with NoSuchKey", async () => {
      await assert.rejects(oss("not-the-secret").get("photos/team.jpg"),
        (e: { code?: string; status?: number }) => e.code === "SignatureDoesNotMatch" && e.status === 403);
      await assert.rejects(oss().get("photos/none.jpg"), (e: { code?: string }) => e.code === "NoSuchKey");
    });

    it("deletes it (204)", async () => {
      assert.equal((await oss().delete("photos/team.jpg")).res.status, 204);
      assert.equal(emulator.objects.head("oss", OSS_BUCKET, "photos/team.jpg"), undefined);
    });
  });

  describe("the provider's own object clients", () => {
    const options = (bucket: string, region: string, keyId: string, secret: string) => ({ bucket, region,
      credentials: () => ({ keyId, secret }), endpointOverride: emulator.url, transport });
    const cos = () => new CosObjects(options(COS_BUCKET, REGION, TC.secretId, TC.secretKey));
    const oss = () => new OssObjects(options(OSS_BUCKET, "cn-shanghai", ALI.accessKeyId, ALI.accessKeySecret));

    for (const [name, client, service, bucket] of [["COS", cos, "cos", COS_BUCKET], ["OSS", oss, "oss", OSS_BUCKET]] as const) {
      it(`${name}: put, get, delete (true), delete again (false), with a name that needs encoding`, async () => {
        const key = "outputs/封面 #1+2.jpg";
        await client().put(key, Buffer.from("frame"), "image/jpeg");
        assert.equal(emulator.objects.head(service, bucket, key)?.md5, md5("frame"));
        assert.deepEqual(await client().get(key), Buffer.from("frame"));
        assert.equal(await client().delete(key), true);
        assert.equal(await client().delete(key), false);
      });

      it(`${name}: exists (HEAD) and anyUnder (a signed listing of one object) see what is there`, async () => {
        const key = "listed/封面 #1+2.jpg";
        await client().put(key, Buffer.from("frame"), "image/jpeg");
        assert.deepEqual([await client().exists(key), await client().exists("listed/other.jpg")], [true, false]);
        assert.deepEqual([await client().anyUnder("listed/封面 #"), await client().anyUnder("listed/x"),
          await client().anyUnder("listed/")], [true, false, true]);
        await client().delete(key);
        assert.equal(await client().anyUnder("listed/"), false);
        const missing = name === "COS" ? new CosObjects(options("nobucket-1250000000", REGION, TC.secretId, TC.secretKey))
          : new OssObjects(options("no-bucket", "cn-shanghai", ALI.accessKeyId, ALI.accessKeySecret));
        assert.equal(await missing.anyUnder("listed/"), false, "a bucket that does not exist holds nothing");
      });
    }

    it("names the code, the message and the RequestId when the cloud refuses", async () => {
      const wrong = new OssObjects(options(OSS_BUCKET, "cn-shanghai", ALI.accessKeyId, "wrong"));
      await assert.rejects(wrong.put("x.txt", Buffer.from("x"), "text/plain"), (e: CloudApiError) =>
        e.vendorCode === "SignatureDoesNotMatch" && /Alibaba Cloud OSS PutObject failed with HTTP 403/.test(e.message) &&
        /RequestId [0-9a-f]{24}/.test(e.message));
    });
  });
});
