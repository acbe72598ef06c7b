/**
 * `pulumi-mediajobs/emulator`: a local stand-in for the Tencent Cloud Infinite and Alibaba Cloud MPS APIs, for
 * tests, demos and users' own CI. It checks request signatures as the clouds do, so a client that works here signs
 * correctly. Both clouds' STS and instance metadata services issue temporary keys, which every API takes only with
 * their token and only until they expire (sts/).
 *
 * From the provider it imports only the signers and wire codecs (`provider/clients/tencent/q-sign`, `tencent/tc3-sign`,
 * `alibaba/rpc-sign`, `alibaba/oss-sign`, `alibaba/oss-url`, `tencent/time`, `clients/xml`, `clients/case`,
 * `provider/http/percent-encode`). Sharing them cannot hide a signing or encoding mistake, because the vendors' own
 * SDKs are run against the emulator too (test/integration/vendor-sdks.test.ts, object-store.test.ts,
 * sts-vendor-sdks.test.ts): what they sign and send, the emulator must accept. What the vendor documents *mean* (which tags need an Output, in
 * ci/submit.ts; the API version MPS answers, in mps/routes.ts) the emulator states itself, citing the document, so
 * that a misreading in the provider shows up as a refusal here instead of being shared.
 */
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchService, defaultObjectLister, ObjectLister } from "./ci/batches";
import { CallbackRecord, CallbackSender } from "./ci/callbacks";
import { CiJob, CiJobClock, CiJobStore, CiTimeline, DEFAULT_CI_TIMELINE } from "./ci/jobs";
import { CiQueue, CiQueueStore } from "./ci/queues";
import { CiService } from "./ci/routes";
import { RpcVerifier } from "./mps/auth";
import { DEFAULT_MPS_TIMELINE, IProductionJob, IProductionJobStore, MpsTimeline } from "./mps/iproduction";
import { Pipeline, PipelineStore } from "./mps/pipelines";
import { MpsService } from "./mps/routes";
import { FaultCounts, FaultInjector, FaultRates, ScriptedFault } from "./faults";
import { createEmulatorServer, RequestRecord, serverUrl } from "./server";
import { createEmulatorCertificate, EmulatorCertificate } from "./tls";
import { ciMediaProcessor } from "./media/ci-media";
import { mpsMediaProcessor } from "./media/mps-media";
import { ObjectMeta, ObjectStore, StorageService } from "./storage/object-store";
import { StorageApi } from "./storage/routes";
import { SubmissionLog } from "./submissions";
import { WorkInFlight } from "./work-in-flight";
import { AlibabaSts } from "./sts/alibaba-sts";
import { OidcProvider } from "./sts/jwt";
import { MetadataOptions, MetadataService } from "./sts/metadata";
import { TencentSts } from "./sts/tencent-sts";
import { cloudKeys, IssuedKey, SigningKeys, TemporaryKeys } from "./sts/temporary-keys";

export type { ObjectLister } from "./ci/batches";
export type { CallbackRecord } from "./ci/callbacks";
export type { CiJob, CiTimeline } from "./ci/jobs";
export type { CiQueue } from "./ci/queues";
export type { IProductionJob, MpsTimeline } from "./mps/iproduction";
export type { Pipeline } from "./mps/pipelines";
export type { RequestRecord } from "./server";
export type { FaultCounts, FaultRates, ScriptedFault } from "./faults";
export type { ObjectMeta, StorageService } from "./storage/object-store";
export type { OidcProvider } from "./sts/jwt";
export type { MetadataOptions } from "./sts/metadata";
export type { Cloud, IssuedKey, IssueSource } from "./sts/temporary-keys";
export { DEFAULT_ALIBABA_OIDC_PROVIDER_ARN, DEFAULT_TENCENT_OIDC_PROVIDER_ID } from "./sts/jwt";
export { ALIBABA_METADATA_HOST, TENCENT_METADATA_HOST } from "./sts/metadata";
export { LOCAL_NAMES } from "./tls";

/** The credentials the emulator accepts unless told otherwise (test values, not real keys). */
export const EMULATOR_TENCENT_CREDENTIALS = Object.freeze({
  secretId: "AKID-mediajobs-emulator-test-id",
  secretKey: "mediajobs-emulator-secret-key-000",
});

/** The Alibaba credentials the emulator accepts unless told otherwise (test values, not real keys). */
export const EMULATOR_ALIBABA_CREDENTIALS = Object.freeze({
  accessKeyId: "mediajobs-emulator-access-key-id",
  accessKeySecret: "mediajobs-emulator-access-key-secret",
});

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Listen address; loopback by default. */
  host?: string;
  tencent?: {
    /** Accepted SecretId/SecretKey pairs; defaults to EMULATOR_TENCENT_CREDENTIALS. */
    credentials?: { secretId: string; secretKey: string }[];
    /** When jobs start running and end. */
    timeline?: Partial<CiTimeline>;
    /** The objects a batch job finds for its input (default: three videos under a prefix, or the one object). */
    objects?: ObjectLister;
  };
  alibaba?: {
    /** Accepted AccessKey pairs; defaults to EMULATOR_ALIBABA_CREDENTIALS. */
    credentials?: { accessKeyId: string; accessKeySecret: string }[];
    /** When smart-production jobs start analysing and end. */
    timeline?: Partial<MpsTimeline>;
  };
  /**
   * Serve HTTPS, as the real endpoints do, with a self-signed certificate made at start-up for localhost,
   * 127.0.0.1 and ::1, plus `names` (e.g. `mts.cn-hangzhou.aliyuncs.com`, `*.ci.ap-guangzhou.myqcloud.com` for
   * clients that check the vendor's host name). Clients trust `Emulator.certificate.cert`.
   */
  tls?: boolean | { names?: string[] };
  /** Faults to inject from the start (see `Emulator.faults`). */
  faults?: FaultRates;
  /**
   * How long the clouds remember a job after it ended (CI media jobs and batches, MPS smart-production jobs); then
   * queries answer as for an unknown job. Default: for ever.
   */
  jobHistorySeconds?: number;
  /** Epoch ms clock for job ages, signature times and the expiry of temporary keys (tests). */
  now?: () => number;
  /**
   * STS of both clouds (`sts.aliyuncs.com`, `sts.<region>.aliyuncs.com`, `sts-vpc.<region>.aliyuncs.com`,
   * `sts.tencentcloudapi.com`): temporary keys live min(requested, `maxLifetimeSeconds`) seconds, so tests can make
   * them expire in seconds (below the clouds' 900 s minimum request). Default: as requested.
   */
  sts?: { maxLifetimeSeconds?: number };
  /**
   * The identity providers whose RS256 JWTs AssumeRoleWithOIDC (Alibaba, by `alibabaProviderArn`) and
   * AssumeRoleWithWebIdentity (Tencent, by `tencentProviderId`) accept. Default: none (every token refused).
   */
  oidc?: OidcProvider | OidcProvider[];
  /**
   * The instance metadata services, at Host `100.100.100.200` (ECS) and `metadata.tencentyun.com` (CVM): the roles
   * attached (none: 404, as an instance without a role) and ECS's hardened-only mode.
   */
  metadata?: MetadataOptions;
  /**
   * Where the object store (COS and OSS buckets) lives; kept after close. Default: a new temporary directory,
   * removed on close.
   */
  dataDir?: string;
}

export interface Emulator {
  /** Base URL to use as `mediajobs:ciEndpoint` and `mediajobs:mpsEndpoint` (`https://…` when serving TLS). */
  url: string;
  /** With `tls`: the certificate served (PEM, names, fingerprint), what a client trusts; never the key. */
  certificate?: Omit<EmulatorCertificate, "key">;
  /** Every request answered, in order (method, Host, path, status). */
  requests: RequestRecord[];
  ci: {
    jobs(): CiJob[];
    /** When a job reached its terminal state (epoch ms); undefined while it runs. */
    endedAt(job: CiJob): number | undefined;
    /** Drops a job as if it had aged out of CI's history. */
    forgetJob(jobId: string): boolean;
    /** The bucket's queues (created on first sight, as enabling media processing does). */
    queues(bucket: string): CiQueue[];
    /** Every callback sent (Url) or recorded (TDMQ), in order. */
    callbacks(): CallbackRecord[];
    /** Resolves once the callbacks in flight have been delivered. */
    settleCallbacks(): Promise<void>;
    /** The batch (inventory trigger) jobs, with their state and child jobs. */
    batches(): { jobId: string; state: string; children: CiJob[] }[];
  };
  mps: {
    jobs(): IProductionJob[];
    pipelines(): Pipeline[];
    /** Removes a pipeline behind the provider's back (tests of refresh). */
    deletePipeline(id: string): void;
    /** SubmitIProductionJob calls that created a job. */
    submissions(): number;
  };
  faults: {
    /** Replaces the fault rates (and reseeds the generator). */
    set(rates: FaultRates): void;
    /** Outcomes for the next requests in order (a lostAnswer applies to a submission). */
    script(faults: ScriptedFault[]): void;
    counts(): FaultCounts;
  };
  /**
   * The object store behind `<BucketName-APPID>.cos.<region>.myqcloud.com` and `<bucket>.oss-<region>.aliyuncs.com`
   * (each object a file under `dataDir/<cos|oss>/<bucket>/`). Jobs whose input bucket holds objects process them
   * for real.
   */
  objects: {
    dataDir: string;
    put(service: StorageService, bucket: string, key: string, body: Buffer, contentType?: string): ObjectMeta;
    get(service: StorageService, bucket: string, key: string): Buffer | undefined;
    head(service: StorageService, bucket: string, key: string): ObjectMeta | undefined;
    list(service: StorageService, bucket: string, prefix?: string): ObjectMeta[];
    delete(service: StorageService, bucket: string, key: string): boolean;
  };
  /** Submissions (CI jobs, CI batches, MPS jobs) counted by the UserData they carried. */
  submissionsByUserData(): Map<string, number>;
  /** The temporary keys issued (STS and instance roles), and how many requests were refused for an expired one. */
  sts: {
    issued(): IssuedKey[];
    refusedExpired(): number;
    /** Every key id, secret and token issued, for tests that scan state, outputs and logs for leaks. */
    issuedValues(): string[];
  };
  close(): Promise<void>;
}

/**
 * Starts the emulator on `options.port` (a free one by default) and answers once it listens. Each part is made once,
 * given the parts it uses, in the order they depend on each other.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "mediajobs-emulator-data-"));
  const temporaryKeys = new TemporaryKeys(now, options.sts?.maxLifetimeSeconds);
  const shared: SharedParts = {
    now, objects: new ObjectStore(dataDir), work: new WorkInFlight(), temporaryKeys,
    historyMs: options.jobHistorySeconds === undefined ? undefined : options.jobHistorySeconds * 1000,
    tencentKeys: cloudKeys("tencent", new Map((options.tencent?.credentials ?? [EMULATOR_TENCENT_CREDENTIALS])
      .map((c) => [c.secretId, c.secretKey])), temporaryKeys),
    alibabaKeys: cloudKeys("alibaba", new Map((options.alibaba?.credentials ?? [EMULATOR_ALIBABA_CREDENTIALS])
      .map((c) => [c.accessKeyId, c.accessKeySecret])), temporaryKeys),
  };
  const ci = ciParts(options.tencent ?? {}, shared);
  const mps = mpsParts(options.alibaba ?? {}, shared);
  const storage = new StorageApi(shared.objects, shared.tencentKeys, shared.alibabaKeys, now);
  const credentials = credentialParts(options, shared);
  const faults = new FaultInjector(options.faults);
  const requests: RequestRecord[] = [];
  const host = options.host ?? "127.0.0.1";
  const certificate = certificateFor(options.tls, host);
  const server = createEmulatorServer({ ci: ci.service, mps: mps.service, storage, faults, credentials },
    (r) => requests.push(r), certificate);
  server.listen(options.port ?? 0, host);
  await once(server, "listening");
  return {
    url: serverUrl(server, certificate ? "https" : "http"),
    ...(certificate ? { certificate: withoutKey(certificate) } : {}),
    requests,
    ci: ciView(ci),
    mps: mpsView(mps),
    faults: { set: (rates) => faults.set(rates), script: (list) => faults.script(list),
      counts: () => ({ ...faults.counts }) },
    objects: objectsView(shared.objects, dataDir),
    submissionsByUserData: () => countsByUserData(ci.submissions, mps.submissions),
    sts: { issued: () => temporaryKeys.issued(), refusedExpired: () => temporaryKeys.refusedExpired(),
      issuedValues: () => temporaryKeys.issuedValues() },
    close: async () => {
      ci.jobs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      await shared.work.settled();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What both clouds' parts use: the clock, the object store, the work in flight, and the accepted keys. */
interface SharedParts {
  now: () => number;
  /** How long ended jobs are remembered (ms); undefined: for ever. */
  historyMs?: number;
  objects: ObjectStore;
  work: WorkInFlight;
  /** The temporary keys issued by STS and the metadata services, shared by both clouds. */
  temporaryKeys: TemporaryKeys;
  /** The SecretKey that signs for a SecretId (CI, COS, Tencent STS): long-term pairs, then temporary keys. */
  tencentKeys: SigningKeys;
  /** The AccessKeySecret that signs for an AccessKeyId (MPS, OSS, Alibaba STS). */
  alibabaKeys: SigningKeys;
}

/** Both clouds' STS and the metadata services, issuing into the one registry of temporary keys. */
function credentialParts(options: EmulatorOptions, shared: SharedParts) {
  const oidc = options.oidc === undefined ? [] : Array.isArray(options.oidc) ? options.oidc : [options.oidc];
  const { now, temporaryKeys: keys } = shared;
  return {
    alibabaSts: new AlibabaSts({ keys, verifier: new RpcVerifier(shared.alibabaKeys, now), oidc, now }),
    tencentSts: new TencentSts({ keys, signingKeys: shared.tencentKeys, oidc, now }),
    metadata: new MetadataService(options.metadata ?? {}, keys, now),
  };
}

/**
 * The CI side: the queues and the job clock first, the callbacks that read them, the job store that tells the
 * callbacks when a job ends, the batches that submit to the store, and the routes in front of them all.
 */
function ciParts(options: NonNullable<EmulatorOptions["tencent"]>, shared: SharedParts) {
  const timeline = { ...DEFAULT_CI_TIMELINE, ...options.timeline };
  const queues = new CiQueueStore(shared.now);
  const clock = new CiJobClock(timeline, shared.now);
  const callbacks = new CallbackSender(queues, clock);
  const jobs = new CiJobStore({ clock, processor: shared.work.track(ciMediaProcessor(shared.objects)),
    onFinish: (job) => callbacks.send(job), historyMs: shared.historyMs });
  const submissions = new SubmissionLog();
  const batches = new BatchService({ jobs, queues, submissions, now: shared.now,
    lister: options.objects ?? storeLister(shared.objects), workflowMs: timeline.finishedAfterMs,
    historyMs: shared.historyMs });
  const service = new CiService({ jobs, queues, submissions, keys: shared.tencentKeys,
    nowSeconds: () => Math.floor(shared.now() / 1000), extraRoutes: [batches.route] });
  return { service, jobs, queues, callbacks, batches, submissions };
}

/** A prefix of a bucket in the object store is listed for real; any other input as the default lister does. */
function storeLister(objects: ObjectStore): ObjectLister {
  return (bucket, input) => objects.bucketExists("cos", bucket) && input.kind === "Prefix"
    ? objects.list("cos", bucket, { prefix: input.value, maxKeys: Infinity }).objects.map((o) => o.key)
    : defaultObjectLister(bucket, input);
}

/** The MPS side: pipelines and smart-production jobs behind the RPC routes. */
function mpsParts(options: NonNullable<EmulatorOptions["alibaba"]>, shared: SharedParts) {
  const pipelines = new PipelineStore(shared.now);
  const jobs = new IProductionJobStore({ timeline: { ...DEFAULT_MPS_TIMELINE, ...options.timeline }, now: shared.now,
    processor: shared.work.track(mpsMediaProcessor(shared.objects)), historyMs: shared.historyMs });
  const submissions = new SubmissionLog();
  const service = new MpsService({ jobs, pipelines, submissions,
    verifier: new RpcVerifier(shared.alibabaKeys, shared.now) });
  return { service, jobs, pipelines, submissions };
}

/** The certificate to serve, if any: the names asked for plus the address listened on, which clients use too. */
function certificateFor(tls: EmulatorOptions["tls"], host: string): EmulatorCertificate | undefined {
  if (!tls) return undefined;
  // A wildcard address is not a name a client connects to.
  const listened = host === "0.0.0.0" || host === "::" ? [] : [host];
  return createEmulatorCertificate([...(tls === true ? [] : tls.names ?? []), ...listened]);
}

function ciView(ci: ReturnType<typeof ciParts>): Emulator["ci"] {
  return {
    jobs: () => ci.jobs.all(),
    endedAt: (job) => ci.jobs.endedAt(job),
    forgetJob: (id) => ci.jobs.forget(id),
    queues: (bucket) => ci.queues.forBucket(bucket),
    callbacks: () => ci.callbacks.records,
    settleCallbacks: () => ci.callbacks.settle(),
    batches: () => ci.batches.all(),
  };
}

function mpsView(mps: ReturnType<typeof mpsParts>): Emulator["mps"] {
  return {
    jobs: () => mps.jobs.all(),
    pipelines: () => mps.pipelines.all(),
    deletePipeline: (id) => mps.pipelines.delete(id),
    submissions: () => mps.submissions.total,
  };
}

function objectsView(objects: ObjectStore, dataDir: string): Emulator["objects"] {
  return {
    dataDir,
    put: (service, bucket, key, body, contentType = "application/octet-stream") =>
      objects.put(service, bucket, key, body, contentType),
    get: (service, bucket, key) => objects.get(service, bucket, key)?.body,
    head: (service, bucket, key) => objects.head(service, bucket, key),
    list: (service, bucket, prefix) => objects.list(service, bucket, { prefix, maxKeys: Infinity }).objects,
    delete: (service, bucket, key) => objects.delete(service, bucket, key),
  };
}

/** Both clouds' submissions, added up by UserData. */
function countsByUserData(...logs: SubmissionLog[]): Map<string, number> {
  const all = new Map<string, number>();
  for (const log of logs) for (const [k, v] of log.byUserData) all.set(k, (all.get(k) ?? 0) + v);
  return all;
}

/** What a client may see of the certificate: everything but the private key. */
function withoutKey({ key: _key, ...visible }: EmulatorCertificate): Omit<EmulatorCertificate, "key"> {
  return visible;
}
