/**
 * Pulumi's mocks, with a look at each RegisterResourceRequest itself: the mocks hand `newResource` the inputs only,
 * and some tests check what else the SDK put in the request (the plugin download URL, the source position). Call in
 * a `describe`: installs the mocks before its tests and restores the monitor after them.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

export function useMockedRegistrations(onRequest: (req: any) => void): void {
  const original = MockMonitor.prototype.registerResource;
  before(async () => {
    MockMonitor.prototype.registerResource = function (req: any, callback: any) {
      onRequest(req);
      return original.call(this, req, callback);
    };
    await pulumi.runtime.setMocks({
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    }, "project", "stack", false);
  });
  after(() => {
    MockMonitor.prototype.registerResource = original;
  });
}
