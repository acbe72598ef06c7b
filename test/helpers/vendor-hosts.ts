/**
 * Sends the vendors' host names to the emulator, as a hosts-file entry would (`127.0.0.1 mts.cn-shanghai.aliyuncs.com
 * examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com`): the vendor SDKs then connect to `<vendor host>:<port>` of
 * the emulator with their own Host header and signatures, unchanged. In-process, for the duration of a test.
 */
import dns from "node:dns";

const VENDOR_HOST = /\.(aliyuncs|myqcloud|tencentcloudapi)\.com$/;

type Callback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

export function mapVendorHostsToLoopback(): () => void {
  const original = dns.lookup;
  const patched = function lookup(host: string, options: unknown, callback?: Callback) {
    const cb = (typeof options === "function" ? options : callback) as Callback;
    const opts = (typeof options === "object" && options !== null ? options : {}) as dns.LookupOptions;
    if (!VENDOR_HOST.test(host)) return (original as (...a: unknown[]) => void).call(dns, host, options, callback);
    if (opts.all) process.nextTick(cb, null, [{ address: "127.0.0.1", family: 4 }]);
    else process.nextTick(cb, null, "127.0.0.1", 4);
  };
  (dns as { lookup: unknown }).lookup = patched;
  return () => { (dns as { lookup: unknown }).lookup = original; };
}
