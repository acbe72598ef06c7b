/**
 * The temporary keys the emulator's STS and metadata services issue, shared by both clouds, and the one place that
 * answers every verifier's question: "which secret signs for this key id and token, or why is the request refused?"
 *
 * A temporary key is only good with its own token and only while `now < expiresAt`, on the emulator's clock, as the
 * clouds check it. Long-term keys (the `credentials` options) carry no token and keep working as before.
 */
import { randomBytes } from "node:crypto";

export type Cloud = "alibaba" | "tencent";

/** How a temporary key was obtained: an STS action, or an instance role through a metadata service. */
export type IssueSource = "AssumeRole" | "AssumeRoleWithOIDC" | "AssumeRoleWithWebIdentity" | "EcsRamRole" | "CvmRole";

/** What tests may see of an issued key: never its secret or token. */
export interface IssuedKey {
  cloud: Cloud;
  source: IssueSource;
  keyId: string;
  /** Epoch ms; the key is refused from this instant on. */
  expiresAt: number;
  roleArn?: string;
}

export interface TemporaryKey extends IssuedKey {
  secret: string;
  token: string;
}

/** Why no secret signs for a request. */
export type KeyRefusal =
  /** Neither a long-term key nor one the emulator issued. */
  | "unknown"
  /** A temporary key sent without its token. */
  | "tokenMissing"
  /** A token the emulator never issued. */
  | "tokenMalformed"
  /** A token the emulator issued, but for another key. */
  | "tokenMismatch"
  /** The key's own token, after its expiry. */
  | "expired";

export type KeyLookup = { secret: string; refusal?: undefined } | { refusal: KeyRefusal; secret?: undefined };

/** What every verifier (MPS, OSS, CI, COS, both STS) asks of the keys it accepts. */
export interface SigningKeys {
  secretFor(keyId: string, token: string | undefined): KeyLookup;
}

export interface IssueRequest {
  cloud: Cloud;
  source: IssueSource;
  /** What the caller asked for; the emulator's cap may shorten it. */
  lifetimeSeconds: number;
  roleArn?: string;
}

/** The registry of issued keys, with the lifetime cap (`sts.maxLifetimeSeconds`) and the count of expired refusals. */
export class TemporaryKeys {
  private readonly byKeyId = new Map<string, TemporaryKey>();
  private readonly byToken = new Map<string, TemporaryKey>();
  private expiredRefusals = 0;

  constructor(private readonly now: () => number, private readonly maxLifetimeSeconds = Infinity) {}

  issue(req: IssueRequest): TemporaryKey {
    const seconds = Math.min(req.lifetimeSeconds, this.maxLifetimeSeconds);
    // Whole seconds: the answers state the expiry to the second, and a key must not outlive what they state.
    const expiresAt = Math.floor((this.now() + seconds * 1000) / 1000) * 1000;
    const key: TemporaryKey = { cloud: req.cloud, source: req.source, ...newKeyMaterial(req.cloud), expiresAt,
      ...(req.roleArn ? { roleArn: req.roleArn } : {}) };
    this.byKeyId.set(key.keyId, key);
    this.byToken.set(key.token, key);
    return key;
  }

  /** A temporary key of `cloud` checked against the token sent; counts the refusals for expiry. */
  check(cloud: Cloud, keyId: string, token: string | undefined): KeyLookup {
    const key = this.byKeyId.get(keyId);
    if (!key || key.cloud !== cloud) return { refusal: "unknown" };
    if (!token) return { refusal: "tokenMissing" };
    if (token !== key.token) return { refusal: this.byToken.has(token) ? "tokenMismatch" : "tokenMalformed" };
    if (this.now() >= key.expiresAt) {
      this.expiredRefusals++;
      return { refusal: "expired" };
    }
    return { secret: key.secret };
  }

  issued(): IssuedKey[] {
    return [...this.byKeyId.values()].map(({ secret: _s, token: _t, ...visible }) => visible);
  }

  refusedExpired(): number {
    return this.expiredRefusals;
  }

  /** Every key id, secret and token issued: what tests scan state, outputs and logs for. */
  issuedValues(): string[] {
    return [...this.byKeyId.values()].flatMap((k) => [k.keyId, k.secret, k.token]);
  }
}

/** One cloud's keys: its long-term pairs first, then the temporary keys issued for it. */
export function cloudKeys(cloud: Cloud, longTerm: ReadonlyMap<string, string>, temporary: TemporaryKeys): SigningKeys {
  return {
    secretFor(keyId, token) {
      const secret = longTerm.get(keyId);
      return secret !== undefined ? { secret } : temporary.check(cloud, keyId, token);
    },
  };
}

/**
 * Key ids shaped like the vendors': Alibaba's STS AccessKeyIds start `STS.`, Tencent's temporary SecretIds `AKID`
 * (both as their STS answers show them); the tokens are opaque and long, as the real ones are.
 */
function newKeyMaterial(cloud: Cloud): { keyId: string; secret: string; token: string } {
  const alnum = (n: number) => randomBytes(n * 2).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, n);
  return cloud === "alibaba"
    ? { keyId: `STS.${alnum(24)}`, secret: alnum(44), token: `CAIS${alnum(200)}` }
    : { keyId: `AKID${alnum(32)}`, secret: alnum(32), token: alnum(180) };
}

/**
 * A refusal table for a cloud that, like COS, CI and OSS, answers a temporary key sent without its token as an
 * unknown key, and any token that is not the key's with one code.
 */
export function refusalTable<T>(unknown: T, wrongToken: T, expired: T): Record<KeyRefusal, T> {
  return { unknown, tokenMissing: unknown, tokenMalformed: wrongToken, tokenMismatch: wrongToken, expired };
}

/** A token header's value as received (the first, if a client repeated it). */
export function tokenHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
