import assert from "node:assert/strict";
import { createPublicKey, X509Certificate } from "node:crypto";
import { createEmulatorCertificate, LOCAL_NAMES } from "../../../emulator/tls";

describe("the emulator's self-signed certificate", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const made = createEmulatorCertificate(["MTS.cn-hangzhou.aliyuncs.com", "*.ci.ap-guangzhou.myqcloud.com",
    "10.1.2.3", "fe80::1", "::ffff:192.168.0.9"], now);
  const cert = new X509Certificate(made.cert);

  it("is an X.509 v3 certificate that verifies with its own key and is its own CA", () => {
    assert.equal(cert.subject, "CN=mediajobs-emulator");
    assert.equal(cert.issuer, cert.subject, "self-signed");
    assert.ok(cert.verify(createPublicKey(made.key)), "signed by the key served with it");
    assert.equal(cert.ca, true, "basicConstraints CA:TRUE, so a client can name it as the CA");
    assert.deepEqual(cert.keyUsage, ["1.3.6.1.5.5.7.3.1"], "extended key usage serverAuth");
    assert.equal(createPublicKey(made.key).asymmetricKeyDetails?.namedCurve, "prime256v1");
    assert.equal(made.fingerprint256, cert.fingerprint256);
    assert.match(cert.serialNumber, /^[0-7][0-9A-F]*$/, "a positive serial number");
  });

  it("names the local addresses and the names it was given, lower case", () => {
    assert.deepEqual(made.names.slice(0, LOCAL_NAMES.length), [...LOCAL_NAMES]);
    assert.equal(cert.checkHost("localhost"), "localhost");
    assert.equal(cert.checkIP("127.0.0.1"), "127.0.0.1");
    assert.equal(cert.checkIP("::1"), "::1");
    assert.equal(cert.checkHost("mts.cn-hangzhou.aliyuncs.com"), "mts.cn-hangzhou.aliyuncs.com");
    assert.ok(cert.checkHost("examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com"), "the wildcard covers buckets");
    assert.equal(cert.checkHost("mts.cn-shanghai.aliyuncs.com"), undefined, "nothing it was not given");
    assert.equal(cert.checkIP("10.1.2.3"), "10.1.2.3");
    assert.equal(cert.checkIP("fe80::1"), "fe80::1");
    assert.equal(cert.checkIP("::ffff:192.168.0.9"), "::ffff:192.168.0.9");
    assert.equal(cert.checkIP("10.1.2.4"), undefined);
  });

  it("is valid from an hour before it was made for 30 days", () => {
    assert.equal(new Date(cert.validFrom).toISOString(), "2026-11-23T09:00:00.000Z");
    assert.equal(new Date(cert.validTo).toISOString(), "2026-12-23T10:00:00.000Z");
    assert.equal(made.validTo.toISOString(), "2026-12-23T10:00:00.000Z");
  });

  it("uses GeneralizedTime for dates from 2050, as RFC 5280 requires", () => {
    const late = new X509Certificate(createEmulatorCertificate([], new Date("2050-01-10T00:00:00Z")).cert);
    assert.equal(new Date(late.validTo).toISOString(), "2050-02-09T00:00:00.000Z");
    assert.equal(new Date(late.validFrom).toISOString(), "2050-01-09T23:00:00.000Z");
  });

  it("gets a fresh key and serial each time", () => {
    const other = createEmulatorCertificate();
    assert.notEqual(other.fingerprint256, made.fingerprint256);
    assert.notEqual(new X509Certificate(other.cert).serialNumber, cert.serialNumber);
  });

  it("refuses a name a certificate cannot hold", () => {
    for (const bad of ["bad name", "host_name.example", "*.*.example.com", "a..b", "http://x"]) {
      assert.throws(() => createEmulatorCertificate([bad]), /neither a DNS name nor an IP address/, bad);
    }
  });
});
