/**
 * Temporary credentials renewed before they expire: once per provider process and source, shared by every request
 * of that source, never by two renewals at once (concurrent callers wait for the one renewal in flight). Static keys
 * are a source that never expires, so they go through the same path.
 */
import type { Credentials } from "../config/settings";
import { ConfigurationError, CredentialError } from "../errors";

/** Credentials as a source issues them: temporary ones say when they expire. */
export interface IssuedCredentials extends Credentials {
  /** Epoch ms; absent for keys that do not expire. */
  expiresAt?: number;
}

/** Where one cloud's credentials come from, ready to ask. */
export interface CredentialSource {
  /**
   * The source and the settings it was configured by, for messages: `AssumeRoleWithOIDC (role acs:ram::…:role/x,
   * from \`mediajobs:alicloudAssumeRoleWithOidc\`)`. Never a secret.
   */
  readonly description: string;
  /**
   * What identifies the source within the process (the cache key): the role and how it is reached, or the key id.
   * Never a secret in clear.
   */
  readonly identity: string;
  /** Asks the source (STS, the metadata service, a file) for credentials. */
  fetch(): Promise<IssuedCredentials>;
}

/** Renewal starts this long before expiry at most (the vendors use 3 to 15 minutes)… */
export const MAX_RENEWAL_MARGIN_MS = 5 * 60_000;
/** …and at most this share of the lifetime before it, so credentials that live minutes are not renewed at once. */
export const RENEWAL_MARGIN_SHARE = 0.25;

/** The credentials of one source, renewed a margin before they expire. */
export class RenewingCredentials {
  private current: { credentials: IssuedCredentials; renewAt: number } | undefined;
  private renewal: Promise<IssuedCredentials> | undefined;
  /** How many times the source was asked (the first time included). */
  fetches = 0;

  constructor(readonly source: CredentialSource, private readonly now: () => number = Date.now) {}

  /** Valid credentials: the ones held, or the one renewal in flight, which every caller waits for. */
  async get(): Promise<Credentials> {
    if (this.current && this.now() < this.current.renewAt) return this.current.credentials;
    this.renewal ??= this.renew().finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
  }

  private async renew(): Promise<IssuedCredentials> {
    const askedAt = this.now();
    this.fetches++;
    let credentials: IssuedCredentials;
    try {
      credentials = await this.source.fetch();
    } catch (e) {
      // A setting found unusable (an unreadable token file, nothing found at all) already names the setting.
      throw e instanceof ConfigurationError ? e : new CredentialError(this.source.description, e as Error);
    }
    const { expiresAt } = credentials;
    const renewAt = expiresAt === undefined ? Infinity
      : expiresAt - Math.min(MAX_RENEWAL_MARGIN_MS, Math.max(0, expiresAt - askedAt) * RENEWAL_MARGIN_SHARE);
    this.current = { credentials, renewAt };
    return credentials;
  }
}
