import assert from "node:assert/strict";
import { parseResponse, queryString } from "../../../../provider/clients/tencent/ci-client";
import { CloudApiError, InvalidResponseError } from "../../../../provider/errors";

const res = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, body, headers });

describe("CI response parsing", () => {
  it("returns the Response content and fills RequestId from the header", () => {
    const body = parseResponse("DescribeMediaJob", res(200, "<Response><JobsDetail><JobId>j1</JobId></JobsDetail></Response>",
      { "x-ci-request-id": "rid-1" }));
    assert.equal(body.RequestId, "rid-1");
  });

  it("turns an error document into a CloudApiError with Code, Message, RequestId and status", () => {
    const err = catchError(() => parseResponse("CreateMediaJob", res(403,
      "<Error><Code>SignatureDoesNotMatch</Code><Message>bad</Message><RequestId>rid-2</RequestId></Error>")));
    assert.ok(err instanceof CloudApiError);
    assert.equal(err.vendorCode, "SignatureDoesNotMatch");
    assert.equal(err.vendorMessage, "bad");
    assert.equal(err.requestId, "rid-2");
    assert.equal(err.status, 403);
    assert.equal(err.retryable, false);
    assert.match(err.message, /CreateMediaJob failed with HTTP 403: SignatureDoesNotMatch: bad\. \(RequestId rid-2\)/);
  });

  it("treats an HTTP 200 whose body is an error document as an error", () => {
    const err = catchError(() => parseResponse("DescribeMediaJob", res(200, "<Error><Code>InternalError</Code></Error>")));
    assert.ok(err instanceof CloudApiError && err.vendorCode === "InternalError" && err.retryable);
  });

  it("marks throttling codes as retryable even on a 4xx", () => {
    const err = catchError(() => parseResponse("CreateMediaJob", res(400, "<Error><Code>SlowDown</Code></Error>")));
    assert.ok(err instanceof CloudApiError && err.retryable && err.throttled);
  });

  it("reports a proxy's HTML page as an invalid answer without echoing the page", () => {
    const err = catchError(() => parseResponse("DescribeMediaJob", res(502, "<html><body>Bad gateway</body></html>",
      { "content-type": "text/html" })));
    assert.ok(err instanceof InvalidResponseError);
    assert.equal(err.vendorCode, "", "no vendor code is invented");
    assert.match(err.message, /DescribeMediaJob failed with HTTP 502: the answer is not a CI document \(text\/html, 37 bytes\)\./);
    assert.equal(err.retryable, true);
    assert.doesNotMatch(err.message, /Bad gateway/);
    assert.equal(err.rawBody, "<html><body>Bad gateway</body></html>");
    assert.equal(Object.keys(err).includes("rawBody"), false, "the raw body is not enumerable");
  });

  it("reads Code, Message and RequestId from a JSON error body (cos-go-sdk-v5 reads code, message, request_id)",
    () => {
      const body = '{"code": 404, "message": "404 NotFound", "request_id": "rid-3"}';
      const err = catchError(() => parseResponse("DescribeMediaJob", res(404, body,
        { "content-type": "application/json", "x-ci-request-id": "rid-header" })));
      assert.ok(err instanceof CloudApiError && !(err instanceof InvalidResponseError), String(err));
      assert.deepEqual([err.vendorCode, err.vendorMessage, err.requestId, err.status], ["404", "404 NotFound", "rid-3",
        404]);
      assert.match(err.message, /DescribeMediaJob failed with HTTP 404: 404: 404 NotFound\. \(RequestId rid-3\)/);
      const noId = catchError(() => parseResponse("X", res(500, '{"code":"InternalError","message":"m"}',
        { "x-ci-request-id": "rid-header" })));
      assert.ok(noId instanceof CloudApiError && noId.requestId === "rid-header" && noId.retryable);
    });

  it("reads JSON that is no error document, or a JSON body at 200, as an invalid answer", () => {
    assert.ok(catchError(() => parseResponse("X", res(404, '{"a":1}'))) instanceof InvalidResponseError);
    assert.ok(catchError(() => parseResponse("X", res(200, '{"code":404}'))) instanceof InvalidResponseError);
  });

  it("reports a truncated document as an invalid answer", () => {
    const err = catchError(() => parseResponse("DescribeMediaJob", res(200, "<Response><JobsDetail><JobId>j")));
    assert.ok(err instanceof InvalidResponseError && err.code === "InvalidResponse");
  });
});

describe("CI query strings", () => {
  it("leaves a valueless parameter valueless and encodes the rest", () => {
    assert.equal(queryString({ cancel: "" }), "?cancel");
    assert.equal(queryString({ states: "Success,Failed", t: "a b" }), "?states=Success%2CFailed&t=a%20b");
    assert.equal(queryString({}), "");
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("expected an error");
}
