import assert from "node:assert/strict";
import { ConfigurationError } from "../../../provider/errors";
import { resolveEndpoint } from "../../../provider/http/endpoint";

const HOST = "b-1250000000.ci.ap-guangzhou.myqcloud.com";

describe("endpoint override", () => {
  it("connects to the cloud over https without an override", () => {
    assert.deepEqual(resolveEndpoint(HOST, undefined, "x"), { origin: `https://${HOST}`, host: HOST });
  });

  it("connects to the override but keeps the canonical Host", () => {
    assert.deepEqual(resolveEndpoint(HOST, "http://127.0.0.1:9700/", "x"), { origin: "http://127.0.0.1:9700", host: HOST });
    assert.equal(resolveEndpoint(HOST, "http://[::1]:9700", "x").origin, "http://[::1]:9700");
    assert.equal(resolveEndpoint(HOST, "http://localhost:1", "x").origin, "http://localhost:1");
    assert.equal(resolveEndpoint(HOST, "https://ci-proxy.example.com", "x").origin, "https://ci-proxy.example.com");
  });

  it("refuses plain http to anything but loopback, naming the setting", () => {
    assert.throws(() => resolveEndpoint(HOST, "http://10.0.0.5:9700", "mediajobs:ciEndpoint"),
      (e: Error) => e instanceof ConfigurationError && /mediajobs:ciEndpoint.*not a loopback/.test(e.message));
  });

  it("checks an https:// override's certificate against the override's host, with the CA asked for only then", () => {
    const ca = { file: "/etc/ca.pem", pem: "-----BEGIN CERTIFICATE-----\n…" };
    let asked = 0;
    const named = () => { asked++; return ca; };
    assert.deepEqual(resolveEndpoint(HOST, "https://127.0.0.1:9700", "x", named),
      { origin: "https://127.0.0.1:9700", host: HOST, tls: { identity: "127.0.0.1", ca } });
    assert.deepEqual(resolveEndpoint(HOST, "https://[::1]:9700", "x").tls, { identity: "::1" }, "no CA: system roots");
    assert.deepEqual(resolveEndpoint(HOST, "https://Gateway.Example.com/", "x", () => undefined).tls,
      { identity: "gateway.example.com" });
    assert.equal(asked, 1);
    assert.equal(resolveEndpoint(HOST, "http://127.0.0.1:9700", "x", named).tls, undefined, "plain http: no TLS");
    assert.equal(resolveEndpoint(HOST, undefined, "x", named).tls, undefined, "the real endpoint: system roots");
    assert.equal(asked, 1, "a CA named but unused is never read");
  });

  it("refuses something that is not a URL", () => {
    assert.throws(() => resolveEndpoint(HOST, "127.0.0.1:9700", "s"), ConfigurationError);
    assert.throws(() => resolveEndpoint(HOST, "ftp://127.0.0.1", "s"), ConfigurationError);
  });
});
