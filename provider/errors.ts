/**
 * Every error this package throws: one family under `MediaJobsError`, each class with a stable `code` to switch on
 * (the README has the table: what each means and what to do). Messages are complete sentences a Pulumi user can act
 * on; they never contain a signature, a signed URL or a key.
 */

/** Base of every error this package throws; `code` is stable and safe to switch on. */
export class MediaJobsError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Bad input, found before any request is sent. The engine shows these as check failures in `pulumi preview`; a
 * provider driven directly (without `check()`) throws this from create or update, with every failure.
 */
export class ValidationError extends MediaJobsError {
  constructor(message: string, readonly failures: readonly { property: string; reason: string }[] = []) {
    super("Validation", message);
  }

  /** One error for every rule the inputs of `resource` break. */
  static of(resource: string, failures: readonly { property: string; reason: string }[]): ValidationError {
    return new ValidationError(`The ${resource} inputs break ${failures.length === 1 ? "a rule" :
      `${failures.length} rules`}: ${failures.map((f) => f.reason).join(" ")}`, failures);
  }
}

/** Missing or unusable credentials, region or endpoint settings. */
export class ConfigurationError extends MediaJobsError {
  constructor(message: string) {
    super("Configuration", message);
  }
}

/**
 * A credential source could not give credentials: STS refused the role, the OIDC token file is unreadable, the
 * metadata service has no role. Names the source and the settings it came from; never a key, token or JWT.
 */
export class CredentialError extends MediaJobsError {
  constructor(readonly source: string, cause: Error) {
    super("Credentials", `No credentials from ${source}: ${sentence(cause.message)}`, { cause });
  }
}

/**
 * A failure below HTTP: connection refused or reset, timeout, TLS. `sent` is false when nothing left the client (the
 * cloud cannot have processed the request); `retryable` is false when trying again cannot help (a refused
 * certificate).
 */
export class TransportError extends MediaJobsError {
  constructor(
    /** The system or undici code, e.g. ECONNRESET, UND_ERR_HEADERS_TIMEOUT, DEPTH_ZERO_SELF_SIGNED_CERT. */
    readonly networkCode: string,
    message: string,
    readonly sent: boolean,
    readonly retryable = true,
  ) {
    super("Transport", message);
  }
}

export type Service = "ci" | "mps" | "cos" | "oss" | "sts" | "tencent-sts";

export interface CloudApiErrorInit {
  service: Service;
  action: string;
  status: number;
  /** The cloud's own error code (`SignatureDoesNotMatch`, `Throttling.User`, …); empty when it gave none. */
  vendorCode: string;
  vendorMessage: string;
  requestId?: string;
  retryable: boolean;
  /** The cloud refused the request as over its rate limit: it was not processed. */
  throttled?: boolean;
  /** MPS: the host that answered, and the vendor's advice. */
  hostId?: string;
  recommend?: string;
  /** How long the server asked us to wait before retrying (x-acs-retry-after / Retry-After). */
  retryAfterMs?: number;
  /** The raw response body; kept off the enumerable fields so it is never logged by accident. */
  rawBody?: string;
}

/** The cloud answered with an error document. */
export class CloudApiError extends MediaJobsError {
  readonly service: Service;
  readonly action: string;
  readonly status: number;
  readonly vendorCode: string;
  readonly vendorMessage: string;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly throttled: boolean;
  readonly fault: "client" | "server";
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  readonly retryAfterMs: number | undefined;
  declare readonly rawBody: string | undefined;

  constructor(init: CloudApiErrorInit, code = "CloudApi") {
    const rid = init.requestId ? ` (RequestId ${init.requestId})` : "";
    const fix = advice(init.vendorCode, init.vendorMessage);
    const what = init.vendorCode ? `${init.vendorCode}: ${sentence(init.vendorMessage || "no message")}`
      : sentence(init.vendorMessage || "no error code or message");
    super(code, `${serviceName(init.service)} ${init.action} failed with HTTP ${init.status}: ${what}${rid}` +
      `${fix ? ` ${fix}` : ""}`);
    this.service = init.service;
    this.action = init.action;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.throttled = init.throttled ?? false;
    this.fault = init.status >= 500 ? "server" : "client";
    this.hostId = init.hostId;
    this.recommend = init.recommend;
    this.retryAfterMs = init.retryAfterMs;
    Object.defineProperty(this, "rawBody", { value: init.rawBody, enumerable: false });
  }

  /** A refused key's advice names where the key came from (the settings, the role), instead of guessing. */
  nameCredentialOrigin(origin: string): void {
    if (this.message.endsWith(KEY_ADVICE)) {
      this.message = `${this.message.slice(0, -KEY_ADVICE.length)}The credentials came from ${origin}: check them there.`;
    }
  }
}

/** The advice of a refused key, before {@link CloudApiError.nameCredentialOrigin} says where the key came from. */
const KEY_ADVICE = "Check the access key id and secret in the stack config or the environment.";

/**
 * An answer that is not the document the API promises: an HTML page from a proxy, a truncated body, a 200 without
 * the job it should carry. The request may have been processed.
 */
export class InvalidResponseError extends CloudApiError {
  constructor(init: Omit<CloudApiErrorInit, "vendorCode" | "vendorMessage" | "throttled"> & {
    /** What is wrong with it, e.g. "the answer is not a CI document (text/html, 57 bytes)". */
    problem: string;
  }) {
    const { problem, ...rest } = init;
    super({ ...rest, vendorCode: "", vendorMessage: problem }, "InvalidResponse");
  }
}

/**
 * A submission got no answer after it may have reached the cloud, and the job could not be looked up (MPS has no
 * API for that). Nothing was submitted again.
 */
export class AmbiguousSubmissionError extends MediaJobsError {
  constructor(readonly action: string, readonly marker: string, cause: Error) {
    super("AmbiguousSubmission",
      `${action} got no answer (${cause.message}). The cloud may have created the job; it was not submitted again, ` +
      `because there is no API to find it by its request. Look for the job whose UserData is "${marker}" (in the ` +
      `console, or with QueryIProductionJob if you know its id); when you are sure there is none, run ` +
      `\`pulumi up\` again to submit anew.`, { cause });
  }
}

/**
 * A submission's answer was lost, and the lookup by its marker found several jobs: which one is this resource's
 * cannot be told. Nothing was submitted again.
 */
export class SubmissionConflictError extends MediaJobsError {
  constructor(readonly marker: string, readonly jobIds: readonly string[], message: string) {
    super("SubmissionConflict", message);
  }
}

/** The CI queue to adopt could not be determined from the bucket's queues. */
export class QueueAdoptionError extends MediaJobsError {
  constructor(readonly bucket: string, message: string) {
    super("QueueAdoption", message);
  }
}

/** A job reached a terminal state other than success. */
export class JobFailedError extends MediaJobsError {
  constructor(
    readonly jobId: string,
    readonly state: string,
    readonly jobCode: string,
    readonly jobMessage: string,
    /** The request that reported the terminal state. */
    readonly requestId?: string,
  ) {
    super("JobFailed",
      `Job ${jobId} ended in state ${state}: ${jobCode || "no error code"}: ${sentence(jobMessage || "no message")}` +
      `${requestId ? ` (RequestId ${requestId})` : ""} Fix the cause and run \`pulumi up\` again to submit a new job.`);
  }
}

/** The cloud no longer knows a job this resource was waiting for (jobs age out of the clouds' history). */
export class JobNotFoundError extends MediaJobsError {
  constructor(readonly service: Service, readonly jobId: string) {
    super("JobNotFound",
      `${serviceName(service)} no longer knows job ${jobId}. Run \`pulumi refresh\` to remove it from the stack, ` +
      `then \`pulumi up\` to run it again.`);
  }
}

/** Why a resource was recorded before it was ready. */
export type NotInitializedReason =
  /** Our deadline (`timeoutSeconds`) passed while the job ran. */
  | "deadline"
  /** SIGINT or SIGTERM: the deployment is being stopped. */
  | "interrupt"
  /** A step after the resource was created failed (the cause says which). */
  | "error";

/**
 * The one partial-result error (pulumi-kubernetes' model for init, timeout and cancel alike): the resource exists in
 * the cloud but is not finished, so it is recorded in the stack as not yet initialized (the engine's init-error
 * shape: `id`, `properties`, `reasons`). The next `pulumi up` continues with it (resumes waiting, applies the rest)
 * instead of creating it again, and `pulumi destroy` can remove it.
 */
export class NotInitializedError extends MediaJobsError {
  declare readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(
    /** The resource's id (job id, pipeline id). */
    readonly id: string,
    properties: Record<string, unknown>,
    readonly reason: NotInitializedReason,
    message: string,
    cause?: Error,
  ) {
    super("NotInitialized", message, cause ? { cause } : undefined);
    this.reasons = [message];
    // The whole state, inputs included: off the enumerable fields so that logging the error never prints it.
    Object.defineProperty(this, "properties", { value: properties, enumerable: false });
  }

  /** The same error with more properties recorded (the dynamic form's hidden inputs). */
  withProperties(extra: Record<string, unknown>): NotInitializedError {
    const cause = this.cause instanceof Error ? this.cause : undefined;
    return new NotInitializedError(this.id, { ...this.properties, ...extra }, this.reason, this.message, cause);
  }
}

/**
 * @deprecated Since 0.2: a job still running at the deadline or at an interrupt is a {@link NotInitializedError}
 * (reason `deadline` or `interrupt`). This alias keeps `instanceof WaitTimeoutError` working.
 */
export const WaitTimeoutError = NotInitializedError;
/** @deprecated Since 0.2: see {@link NotInitializedError}. */
export type WaitTimeoutError = NotInitializedError;

/** What the user can do about errors whose cause is not in the request (clock skew, credentials). */
function advice(code: string, message: string): string | undefined {
  if (code === "RequestTimeTooSkewed" || code === "InvalidTimeStamp.Expired" ||
    (code === "AccessDenied" && /expired/i.test(message))) {
    return "This machine's clock differs from the cloud's by more than the signature allows: synchronize it " +
      "(e.g. enable NTP: `timedatectl set-ntp true`) and run again.";
  }
  if (code === "SignatureDoesNotMatch" || code === "InvalidAccessKeyId.NotFound" || code === "InvalidAccessKeyId") {
    return KEY_ADVICE;
  }
  return undefined;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function serviceName(service: Service): string {
  return { ci: "Tencent Cloud Infinite", mps: "Alibaba Cloud MPS", cos: "Tencent COS", oss: "Alibaba Cloud OSS",
    sts: "Alibaba Cloud STS", "tencent-sts": "Tencent Cloud STS" }[service];
}
