/**
 * The errors users see. Messages are complete sentences a Pulumi user can act on; they never contain a signature,
 * a signed URL or a key.
 */

/** Base of every error this package throws; `code` is stable and safe to switch on. */
export class MediaJobsError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad input, found before any request is sent. */
export class ValidationError extends MediaJobsError {
  constructor(message: string) {
    super("ValidationError", message);
  }
}

/** Missing or unusable credentials, region or endpoint settings. */
export class ConfigurationError extends MediaJobsError {
  constructor(message: string) {
    super("ConfigurationError", message);
  }
}

export interface CloudApiErrorInit {
  service: "ci" | "mps";
  action: string;
  status: number;
  vendorCode: string;
  vendorMessage: string;
  requestId?: string;
  retryable: boolean;
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
  readonly service: "ci" | "mps";
  readonly action: string;
  readonly status: number;
  readonly vendorCode: string;
  readonly vendorMessage: string;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly fault: "client" | "server";
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  readonly retryAfterMs: number | undefined;
  declare readonly rawBody: string | undefined;

  constructor(init: CloudApiErrorInit) {
    const rid = init.requestId ? ` (RequestId ${init.requestId})` : "";
    const fix = advice(init.vendorCode, init.vendorMessage);
    super(init.vendorCode || `HTTP${init.status}`,
      `${serviceName(init.service)} ${init.action} failed with HTTP ${init.status}: ` +
      `${init.vendorCode || "no error code"}: ${sentence(init.vendorMessage || "no message")}${rid}${fix ? ` ${fix}` : ""}`);
    this.service = init.service;
    this.action = init.action;
    this.status = init.status;
    this.vendorCode = init.vendorCode;
    this.vendorMessage = init.vendorMessage;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.fault = init.status >= 500 ? "server" : "client";
    this.hostId = init.hostId;
    this.recommend = init.recommend;
    this.retryAfterMs = init.retryAfterMs;
    Object.defineProperty(this, "rawBody", { value: init.rawBody, enumerable: false });
  }
}

/**
 * A submission got no answer after it may have reached the cloud, and the job could not be looked up (MPS has no
 * API for that). Nothing was submitted again.
 */
export class AmbiguousSubmissionError extends MediaJobsError {
  constructor(readonly action: string, readonly marker: string, cause: string) {
    super("AmbiguousSubmission",
      `${action} got no answer (${cause}). The cloud may have created the job; it was not submitted again, ` +
      `because there is no API to find it by its request. Look for the job whose UserData is "${marker}" (in the ` +
      `console, or with QueryIProductionJob if you know its id); when you are sure there is none, run ` +
      `\`pulumi up\` again to submit anew.`);
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

/** What the user can do about errors whose cause is not in the request (clock skew, credentials). */
function advice(code: string, message: string): string | undefined {
  if (code === "RequestTimeTooSkewed" || code === "InvalidTimeStamp.Expired" ||
    (code === "AccessDenied" && /expired/i.test(message))) {
    return "This machine's clock differs from the cloud's by more than the signature allows: synchronize it " +
      "(e.g. enable NTP: `timedatectl set-ntp true`) and run again.";
  }
  if (code === "SignatureDoesNotMatch" || code === "InvalidAccessKeyId.NotFound" || code === "InvalidAccessKeyId") {
    return "Check the access key id and secret in the stack config or the environment.";
  }
  return undefined;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The wait stopped (our deadline, or a signal) while the job was still running; the job is recorded. */
export class WaitTimeoutError extends MediaJobsError {
  constructor(readonly jobId: string, readonly state: string, reason: string) {
    super("WaitTimeout",
      `Job ${jobId} is still ${state}: ${reason}. It is recorded in the stack: the next \`pulumi up\` resumes ` +
      `waiting for the same job, and \`pulumi destroy\` cancels it if it has not started running.`);
  }
}

function serviceName(service: "ci" | "mps"): string {
  return service === "ci" ? "Tencent Cloud Infinite" : "Alibaba Cloud MPS";
}
