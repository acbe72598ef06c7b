import { strict as assert } from "node:assert";
import { handlers } from "../../../bench/trivial-plugin/main";
import { Interrupts } from "../../../provider/lifecycle/interrupt";
import { ProviderContext } from "../../../provider/lifecycle/provider-context";
import { Settings } from "../../../provider/config/settings";
import { listen, ServiceHandlers } from "../../../provider/plugin/listen";
import { grpc, provider as proto, providerService, Struct } from "../../../provider/plugin/rpc";
import { MediaJobsPlugin } from "../../../provider/plugin/server";

type Handlers = Record<string, (call: { request: unknown }, cb: (err: unknown, res?: any) => void) => void>;

/** One handler's answer, called as gRPC would call it. */
function answer(of: Handlers, method: string, request: unknown): Promise<any> {
  return new Promise((resolve, reject) => of[method]!({ request }, (err, res) => err ? reject(err) : resolve(res)));
}

describe("bench: the trivial plugin (the plugin baseline)", () => {
  it("declares previews exactly as the mediajobs plugin does, so the engine makes the same calls to both", async () => {
    const mediajobs = new MediaJobsPlugin({ version: "0.0.0-test",
      context: new ProviderContext({ settings: new Settings({}), interrupts: new Interrupts(false) }) });
    const theirs = await answer(mediajobs.handlers() as Handlers, "configure", new proto.ConfigureRequest());
    const ours = await answer(handlers as Handlers, "configure", new proto.ConfigureRequest());
    assert.equal(theirs.getSupportspreview(), true);
    assert.equal(ours.getSupportspreview(), theirs.getSupportspreview());
  });

  it("answers check, create (preview or not) and read over gRPC with the properties it was sent", async () => {
    const { port, server } = await listen(handlers as unknown as ServiceHandlers);
    const client = new providerService.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const call = (method: string, req: unknown) => new Promise<any>((resolve, reject) =>
      (client as any)[method](req, (err: Error | null, res: unknown) => err ? reject(err) : resolve(res)));
    try {
      const props = Struct.fromJavaScript({ n: 7 });
      const urn = "urn:pulumi:dev::bench::benchtrivial:index:Thing::trivial-7";
      const checked = await call("check", new proto.CheckRequest().setUrn(urn).setNews(props));
      assert.deepEqual(checked.getInputs().toJavaScript(), { n: 7 });
      for (const preview of [true, false]) {
        const created = await call("create", new proto.CreateRequest().setUrn(urn).setProperties(props)
          .setPreview(preview));
        assert.equal(created.getId(), "trivial-7");
        assert.deepEqual(created.getProperties().toJavaScript(), { n: 7 });
      }
      const read = await call("read", new proto.ReadRequest().setId("trivial-7").setUrn(urn).setProperties(props));
      assert.equal(read.getId(), "trivial-7");
      assert.deepEqual(read.getProperties().toJavaScript(), { n: 7 });
    } finally {
      client.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    }
  });
});
