/** The CPU profile summary (bench/profile-summary.ts) on a hand-made profile. */
import assert from "node:assert/strict";
import { bucketOf, CpuProfile, formatProfileSummary, summarizeProfile } from "../../../bench/profile-summary";

const frame = (functionName: string, url = "") => ({ functionName, url });

/** 10 ms: 4 idle, 3 in protobuf, 2 in our server, 1 in the garbage collector. */
const PROFILE: CpuProfile = {
  startTime: 1_000_000, endTime: 1_010_000,
  nodes: [
    { id: 1, callFrame: frame("(root)") },
    { id: 2, callFrame: frame("(idle)") },
    { id: 3, callFrame: frame("toObject", "file:///repo/node_modules/google-protobuf/google-protobuf.js") },
    { id: 4, callFrame: frame("create", "file:///repo/dist/provider/plugin/server.js") },
    { id: 5, callFrame: frame("(garbage collector)") },
  ],
  samples: [2, 3, 2, 4, 3, 2, 5, 3, 4, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("bench profile summary", () => {
  it("sums self time per package or file, leaving idle apart", () => {
    assert.deepEqual(summarizeProfile(PROFILE, { root: "/repo" }), {
      durationMs: 10, idleMs: 4,
      top: [{ name: "google-protobuf", selfMs: 3 }, { name: "dist/provider/plugin/server.js", selfMs: 2 },
        { name: "(garbage collector)", selfMs: 1 }],
    });
  });

  it("keeps only the top entries asked for", () => {
    assert.deepEqual(summarizeProfile(PROFILE, { top: 1 }).top.map((t) => t.name), ["google-protobuf"]);
  });

  it("names scoped packages, the innermost node_modules, Node's own modules and native frames", () => {
    const nested = "/a/node_modules/x/node_modules/@grpc/grpc-js/build/src/server.js";
    assert.equal(bucketOf(frame("f", nested)), "@grpc/grpc-js");
    assert.equal(bucketOf(frame("f", "node:internal/streams/readable")), "node:internal/streams/readable");
    assert.equal(bucketOf(frame("JSON.parse")), "(native)");
    assert.equal(bucketOf(frame("f", "/elsewhere/x.js"), "/repo"), "/elsewhere/x.js");
  });

  it("prints the busy time and each entry's share of it", () => {
    const text = formatProfileSummary("plugin-1.cpuprofile", summarizeProfile(PROFILE, { root: "/repo" }));
    assert.match(text, /^plugin-1\.cpuprofile: 10 ms, idle 4 ms, busy 6 ms$/m);
    assert.match(text, /3 ms  50%  google-protobuf$/m);
  });
});
