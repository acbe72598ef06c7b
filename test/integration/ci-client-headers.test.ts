import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, IncomingHttpHeaders, Server } from "node:http";
import { AddressInfo } from "node:net";
import { ciClient } from "../helpers/clients";
import { parseAuthorization } from "../../provider/clients/tencent/q-sign";

describe("CI client on the wire", () => {
  let server: Server;
  let seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[];
  let url: string;

  before(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(200, { "content-type": "application/xml" }).end("<Response></Response>");
      });
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => { seen = []; });
  after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  const client = (securityToken?: string) => ciClient({
    bucket: "examplebucket-1250000000", region: "ap-guangzhou", endpointOverride: url, now: () => 1_700_000_000_000,
    credentials: () => ({ keyId: "EXAMPLE-SDK-SECRET-ID", secret: "k",
      ...(securityToken ? { securityToken } : {}) }),
  });

  it("connects to the override but sends and signs the canonical Host", async () => {
    await client().call({ action: "T", method: "GET", path: "/jobs/j1", idempotent: true });
    const auth = parseAuthorization(seen[0]!.headers.authorization!);
    assert.equal(seen[0]!.headers.host, "examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com");
    assert.equal(auth["q-header-list"], "host");
    assert.equal(auth["q-key-time"], "1700000000;1700000900", "KeyTime comes from the clock passed in");
  });

  it("sends the STS token as x-ci-security-token, unsigned", async () => {
    await client("sts-token-example").call({ action: "T", method: "GET", path: "/jobs/j1", idempotent: true });
    assert.equal(seen[0]!.headers["x-ci-security-token"], "sts-token-example");
    assert.equal(parseAuthorization(seen[0]!.headers.authorization!)["q-header-list"], "host");
  });

  it("signs content-type and content-length of an XML body, and content-length: 0 of an empty PUT", async () => {
    await client().call({ action: "T", method: "POST", path: "/jobs", body: { Tag: "MediaInfo" }, idempotent: false });
    await client().call({ action: "T", method: "PUT", path: "/jobs/j1", query: { cancel: "" }, idempotent: true });
    const [post, put] = seen;
    assert.equal(post!.body, "<Request><Tag>MediaInfo</Tag></Request>");
    assert.equal(post!.headers["content-type"], "application/xml");
    assert.equal(parseAuthorization(post!.headers.authorization!)["q-header-list"], "content-length;content-type;host");
    assert.equal(put!.url, "/jobs/j1?cancel");
    assert.equal(put!.headers["content-length"], "0");
    const putAuth = parseAuthorization(put!.headers.authorization!);
    assert.equal(putAuth["q-header-list"], "content-length;host");
    assert.equal(putAuth["q-url-param-list"], "cancel");
  });
});
