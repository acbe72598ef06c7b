/**
 * The two instance metadata services, for tests of instance-role credentials: Alibaba ECS at Host `100.100.100.200`
 * and Tencent CVM at Host `metadata.tencentyun.com` (a client reaches them through an overridden base URL, sending
 * the canonical Host). Only the paths the credential providers read:
 *
 * - ECS: `PUT /latest/api/token` (header `X-aliyun-ecs-metadata-token-ttl-seconds`, 1–21600, the ECS guide "Instance
 *   metadata", security hardening mode) → the token; `GET /latest/meta-data/ram/security-credentials/` → the role
 *   name; `…/<role>` → `{ AccessKeyId, AccessKeySecret, SecurityToken, Expiration, LastUpdated, Code: "Success" }`
 *   (credentials-go `ecs_ram_role.go`). In hardened-only mode a GET without a valid `X-aliyun-ecs-metadata-token`
 *   is refused 401, as instance metadata services answer a missing or expired session token (our choice where the
 *   ECS guide states no status).
 * - CVM: `GET /latest/meta-data/cam/security-credentials/` → the role name; `…/<role>` → `{ TmpSecretId,
 *   TmpSecretKey, ExpiredTime, Expiration, Token, Code: "Success" }` (tencentcloud-sdk-go `cvm_role_provider.go`).
 *
 * An instance without a role answers 404 for both, as the SDKs expect ("role not bound"). Credentials are temporary
 * keys from the shared registry, so the emulator's lifetime cap applies.
 */
import { randomBytes } from "node:crypto";
import { IncomingHttpHeaders } from "node:http";
import { rpcTimestamp } from "../../provider/clients/alibaba/rpc-sign";
import { TemporaryKeys } from "./temporary-keys";

export const ALIBABA_METADATA_HOST = "100.100.100.200";
export const TENCENT_METADATA_HOST = "metadata.tencentyun.com";
const ECS_CREDENTIALS = "/latest/meta-data/ram/security-credentials/";
const CVM_CREDENTIALS = "/latest/meta-data/cam/security-credentials/";
/** What the instance-role keys ask for: ECS rotates 6-hour keys, CVM 2-hour ones (before the emulator's cap). */
const ECS_KEY_SECONDS = 21_600;
const CVM_KEY_SECONDS = 7200;
const MAX_TOKEN_TTL = 21_600;

export interface MetadataOptions {
  /** The RAM role attached to the emulated ECS instance; none: the role paths answer 404. */
  alibabaRoleName?: string;
  /** Hardened-only mode: every GET needs a session token from `PUT /latest/api/token`. */
  alibabaHardened?: boolean;
  /** The CAM role bound to the emulated CVM instance; none: 404. */
  tencentRoleName?: string;
}

export interface MetadataRequest {
  method: string;
  host: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface MetadataReply {
  status: number;
  body: string;
  contentType: string;
}

export function matchesMetadataHost(host: string): boolean {
  return host === ALIBABA_METADATA_HOST || host === TENCENT_METADATA_HOST;
}

export class MetadataService {
  /** ECS session tokens and when each expires (epoch ms). */
  private readonly sessions = new Map<string, number>();

  constructor(private readonly options: MetadataOptions, private readonly keys: TemporaryKeys,
    private readonly now: () => number) {}

  handle(req: MetadataRequest): MetadataReply {
    return req.host === ALIBABA_METADATA_HOST ? this.ecs(req) : this.cvm(req);
  }

  private ecs(req: MetadataRequest): MetadataReply {
    if (req.method === "PUT" && req.path === "/latest/api/token") return this.newSession(req.headers);
    if (req.method !== "GET") return text(405, "Method Not Allowed");
    if (this.options.alibabaHardened && !this.validSession(req.headers["x-aliyun-ecs-metadata-token"])) {
      return text(401, "Unauthorized");
    }
    return roleCredentials(req.path, ECS_CREDENTIALS, this.options.alibabaRoleName, () => {
      const key = this.keys.issue({ cloud: "alibaba", source: "EcsRamRole", lifetimeSeconds: ECS_KEY_SECONDS });
      return { AccessKeyId: key.keyId, AccessKeySecret: key.secret, SecurityToken: key.token,
        Expiration: rpcTimestamp(key.expiresAt), LastUpdated: rpcTimestamp(this.now()), Code: "Success" };
    });
  }

  private cvm(req: MetadataRequest): MetadataReply {
    if (req.method !== "GET") return text(405, "Method Not Allowed");
    return roleCredentials(req.path, CVM_CREDENTIALS, this.options.tencentRoleName, () => {
      const key = this.keys.issue({ cloud: "tencent", source: "CvmRole", lifetimeSeconds: CVM_KEY_SECONDS });
      return { TmpSecretId: key.keyId, TmpSecretKey: key.secret, ExpiredTime: key.expiresAt / 1000,
        Expiration: rpcTimestamp(key.expiresAt), Token: key.token, Code: "Success" };
    });
  }

  /** `PUT /latest/api/token`: a session token living the TTL asked for (1–21600 s). */
  private newSession(headers: IncomingHttpHeaders): MetadataReply {
    const ttl = Number(headers["x-aliyun-ecs-metadata-token-ttl-seconds"]);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL) {
      return text(400, "X-aliyun-ecs-metadata-token-ttl-seconds must be a whole number from 1 to 21600.");
    }
    const token = randomBytes(32).toString("base64url");
    this.sessions.set(token, this.now() + ttl * 1000);
    return text(200, token);
  }

  private validSession(header: string | string[] | undefined): boolean {
    const expiresAt = typeof header === "string" ? this.sessions.get(header) : undefined;
    return expiresAt !== undefined && this.now() < expiresAt;
  }
}

/** `<prefix>` lists the role, `<prefix><role>` gives fresh credentials; anything else (or no role) is 404. */
function roleCredentials(path: string, prefix: string, role: string | undefined,
  credentials: () => Record<string, unknown>): MetadataReply {
  if (!role || !path.startsWith(prefix)) return text(404, "Not Found");
  const asked = path.slice(prefix.length);
  if (!asked) return text(200, role);
  return asked === role ? { status: 200, body: JSON.stringify(credentials()), contentType: "text/plain" }
    : text(404, "Not Found");
}

function text(status: number, body: string): MetadataReply {
  return { status, body, contentType: "text/plain" };
}
