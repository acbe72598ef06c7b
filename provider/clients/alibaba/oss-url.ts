/** OSS URLs as MPS takes them: `oss://<bucket>.oss-<region>.aliyuncs.com/<object>`. */

export const OSS_URL = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.oss-([a-z0-9-]+)\.aliyuncs\.com\/(.+)$/;

export interface OssLocation {
  bucket: string;
  region: string;
  key: string;
}

/** The bucket, region and object an OSS URL names; undefined for anything else. */
export function parseOssUrl(url: string): OssLocation | undefined {
  const m = OSS_URL.exec(url);
  return m ? { bucket: m[1]!, region: m[2]!, key: m[3]! } : undefined;
}
