/**
 * What one provider process shares among all its resources, in one explicit object. All dynamic resources of a stack
 * run in one provider process, so the rate limit per cloud account, the batched status poller, the listing of jobs
 * an earlier run can have left, the jobs claimed by this run, the journal of submissions in flight, the connection
 * pool and the stack config all live here, once. Nothing else in the provider is global: tests create a fresh context where they need one.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { MpsClient } from "../clients/alibaba/mps-client";
import { OssObjects } from "../clients/alibaba/oss-objects";
import { CosObjects } from "../clients/tencent/cos-objects";
import { CiClient } from "../clients/tencent/ci-client";
import { ConfigSource, SETTINGS, Settings } from "../config/settings";
import { Cloud, CredentialPlan, planCredentials, PlanProblem } from "../credentials/plan";
import { RenewingCredentials } from "../credentials/renewing";
import { sourceOfPlan, SourceDependencies } from "../credentials/sources";
import { ConfigurationError } from "../errors";
import type { ClientOptions } from "../http/pipeline";
import { RateLimiters } from "../http/rate-limit";
import { HttpTransport } from "../http/transport";
import { EarlierRuns } from "./earlier-runs";
import { Interrupts } from "./interrupt";
import { StatusPoller } from "./poller";
import { SubmissionJournal } from "./submission-journal";

export interface ProviderContextOptions {
  /** Epoch-ms clock for deadlines, lookups and the earlier-run cutoff (tests move it). */
  now?: () => number;
  /** When this process started: jobs created before it may be an earlier run's (default: now). */
  startedAt?: number;
  /** How much older than `startedAt` a job must be to count as an earlier run's (default 2 s of clock skew). */
  skewMarginMs?: number;
  settings?: Settings;
  interrupts?: Interrupts;
  poller?: StatusPoller;
  /** The submissions in flight on this machine (default: under the Pulumi home). */
  journal?: SubmissionJournal;
}

export class ProviderContext {
  readonly now: () => number;
  readonly settings: Settings;
  readonly transport = new HttpTransport();
  readonly limiters = new RateLimiters();
  readonly poller: StatusPoller;
  readonly earlierRuns: EarlierRuns;
  readonly interrupts: Interrupts;
  private journalOf: SubmissionJournal | undefined;
  /**
   * Each cloud's credential plan, made again only when the configuration or one of the environment variables the
   * plan read changes (it reads the shared credential files; every check and status poll asks for it). Comparing
   * the few variables read is what keeps this cheap: listing the whole environment at every check cost more than the
   * resource's own rules did (CPU profile of a 500-job preview).
   */
  private plans = new Map<Cloud, { generation: number; read?: Map<string, string | undefined>;
    outcome: ReturnType<typeof planCredentials> }>();
  /** The renewed credentials of each source this process used, by the source's identity. */
  private readonly renewers = new Map<string, RenewingCredentials>();

  constructor(options: ProviderContextOptions = {}) {
    this.now = options.now ?? Date.now;
    this.settings = options.settings ?? new Settings();
    this.interrupts = options.interrupts ?? new Interrupts();
    this.poller = options.poller ?? new StatusPoller({
      now: this.now,
      setTimer(fn, ms) {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
    });
    this.earlierRuns = new EarlierRuns(options.startedAt ?? this.now(), options.skewMarginMs);
    this.journalOf = options.journal;
  }

  /** The journal of submissions in flight, read from the environment when first needed. */
  get journal(): SubmissionJournal {
    return this.journalOf ??= SubmissionJournal.ofPulumiHome();
  }

  /**
   * The plan of a cloud's credentials under the settings in force, or the problems that stop it (none needs the
   * network; check() and CheckConfig report them at preview).
   */
  credentialPlan(cloud: Cloud): { plan?: CredentialPlan; problems: PlanProblem[] } {
    const { generation, environment } = this.settings;
    const known = this.plans.get(cloud);
    if (known?.generation === generation && known.read &&
      [...known.read].every(([name, value]) => environment[name] === value)) return known.outcome;
    const { value: outcome, read } = this.settings.readingEnvironment(() => planCredentials(cloud, this.settings));
    this.plans.set(cloud, { generation, outcome, ...(read ? { read } : {}) });
    return outcome;
  }

  /** A cloud's credentials, renewed before they expire, shared by every client of the same source. */
  credentials(cloud: Cloud): RenewingCredentials {
    const { plan, problems } = this.credentialPlan(cloud);
    if (!plan) throw new ConfigurationError(problems.map((p) => p.message).join(" "));
    let renewing = this.renewingOfPlan.get(plan);
    if (!renewing) {
      renewing = this.renewing(sourceOfPlan(plan, this.sourceDependencies));
      this.renewingOfPlan.set(plan, renewing);
    }
    return renewing;
  }

  /** The source of each plan in force, made once (every status poll builds a client and asks for it). */
  private readonly renewingOfPlan = new WeakMap<CredentialPlan, RenewingCredentials>();

  /** How sources reach STS (through the cloud's endpoint override) and the metadata services. */
  private readonly sourceDependencies: SourceDependencies = {
    sts: (cloud) => ({ transport: this.transport, endpointCa: () => this.settings.endpointCa(),
      endpointOverride: cloud === "tencent" ? this.settings.ciEndpointOverride() : this.settings.mpsEndpointOverride() }),
    metadata: (cloud) => {
      const setting = cloud === "tencent" ? SETTINGS.cvmMetadataEndpoint : SETTINGS.ecsMetadataEndpoint;
      const override = this.settings.value(setting);
      return { transport: this.transport, overrideSetting: this.settings.whereSet(setting),
        ...(override ? { override } : {}) };
    },
    credentialsOf: (source) => {
      const renewing = this.renewing(source);
      return () => renewing.get();
    },
    env: () => this.settings.environment,
  };

  private renewing(source: RenewingCredentials["source"]): RenewingCredentials {
    let renewing = this.renewers.get(source.identity);
    if (!renewing) {
      renewing = new RenewingCredentials(source);
      this.renewers.set(source.identity, renewing);
    }
    return renewing;
  }

  /** True the first time a thing is asked about in this process (a warning said once, not once per resource). */
  firstTime(thing: string): boolean {
    if (this.said.has(thing)) return false;
    this.said.add(thing);
    return true;
  }

  private readonly said = new Set<string>();

  /** What a provider's `configure()` receives: the stack config, from then on read before the environment. */
  configure(req: dynamic.ConfigureRequest): void {
    this.settings.useStackConfig(req.config as ConfigSource);
  }

  /** The CI client for a resource's bucket and region, with the stack's settings read at call time. */
  ciClient(inputs: { bucket: string; region?: string }): CiClient {
    return new CiClient({ bucket: inputs.bucket, region: this.settings.tencentRegion(inputs.region),
      ...this.account("tencent") });
  }

  /** The MPS client for a resource's region, with the stack's settings read at call time. */
  mpsClient(inputs: { region?: string }): MpsClient {
    return new MpsClient({ region: this.settings.alibabaRegion(inputs.region), ...this.account("alibaba") });
  }

  /** The COS object API of a bucket, with the Tencent account (through the CI endpoint override, when set). */
  cosObjects(bucket: string, region: string): CosObjects {
    return new CosObjects({ bucket, region, ...this.account("tencent") });
  }

  /** The OSS object API of a bucket, with the Alibaba account (through the MPS endpoint override, when set). */
  ossObjects(bucket: string, region: string): OssObjects {
    return new OssObjects({ bucket, region, ...this.account("alibaba") });
  }

  /**
   * What every client of a cloud account shares: its credentials and endpoint override (read at call time), the
   * connection pool, and the account's rate limit (CI and COS share Tencent's; MPS and OSS Alibaba's). Signatures
   * use the real clock, not `now`: tests move `now` for deadlines, and the cloud checks signatures against its own.
   */
  private account(cloud: "tencent" | "alibaba"): ClientOptions {
    const rate = this.settings.maxRequestsPerSecond();
    const tencent = cloud === "tencent";
    const credentials = this.credentials(cloud);
    return {
      credentials: () => credentials.get(),
      account: credentials.source.identity,
      credentialOrigin: credentials.source.description,
      endpointOverride: tencent ? this.settings.ciEndpointOverride() : this.settings.mpsEndpointOverride(),
      endpointCa: () => this.settings.endpointCa(),
      transport: this.transport,
      limiter: (account: string) => this.limiters.for(tencent ? "ci" : "mps", account, rate),
    };
  }

  /** Closes the connection pool (tests; a provider process just exits). */
  close(): Promise<void> {
    return this.transport.close();
  }
}

let processContext: ProviderContext | undefined;

/**
 * The context of this OS process, used by every provider created without one (the dynamic providers the SDK's
 * resources run on). It started when the process did, and SIGINT/SIGTERM interrupt its waits.
 */
export function providerProcessContext(): ProviderContext {
  return processContext ??= new ProviderContext({ startedAt: Date.now() - process.uptime() * 1000,
    interrupts: new Interrupts(true) });
}

/** How a dynamic provider was made in 0.1 (see DynamicProviderOptions, which it is part of). */
export interface ProviderOptions {
  /** What the provider shares with the others of its process (default: this process's own). */
  context?: ProviderContext;
  /** Progress lines; by default they reach the engine against the resource. */
  log?: (line: string) => void;
}
