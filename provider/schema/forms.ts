/**
 * String forms that several declarations share: identifiers of both clouds, with the rule each stands for in
 * check()'s messages (provider/check/declared.ts reads them).
 */
import { t } from "./declare";

/** `ap-guangzhou`, `cn-shanghai`: a region id of either cloud; `example` names one of the resource's cloud. */
export const regionId = (example: string) =>
  t.string({ pattern: /^[a-z]+(-[a-z0-9]+)+$/, form: `must be a region id such as ${example}` });

/** A COS bucket with CI enabled: `<BucketName>-<APPID>`. */
export const CI_BUCKET = t.string({ pattern: /^[a-z0-9][a-z0-9-]*-\d{6,}$/, form: "must be <BucketName>-<APPID> " +
  "(lowercase letters, digits and hyphens, then the numeric APPID), e.g. examplebucket-1250000000" });

/** A CI queue id (`p` and letters or digits). */
export const CI_QUEUE_ID = t.string({ pattern: /^p[0-9A-Za-z]+$/, form: "must be a CI queue id (it starts with p)" });

/** CI's `UserData` (seed 004): printable ASCII, at most 1024 characters. */
export const CI_USER_DATA = t.string({ maxLength: 1024, pattern: /^[\x20-\x7e]*$/,
  form: "must be printable ASCII (no control or non-ASCII characters)" });

/** CI's `JobLevel`: 0, 1 or 2. */
export const CI_JOB_LEVEL = t.integer({ min: 0, max: 2, unit: "0 is the default; higher runs first" });
