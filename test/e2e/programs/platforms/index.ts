// One CiMediaJob through the provider plugin (`pulumi-mediajobs/plugin`), which the test installs from the release
// archive of the target it runs (test/e2e/platforms.e2e.test.ts); the default provider is configured by
// `mediajobs:*` stack config.
import * as mediajobs from "pulumi-mediajobs/plugin";

const info = new mediajobs.CiMediaJob("info", {
  bucket: "examplebucket-1250000000", region: "ap-guangzhou", tag: "MediaInfo", input: { object: "videos/clip.mp4" },
  operation: {},
});

export const jobId = info.jobId;
export const state = info.state;
export const formatName = info.mediaInfo.apply((m) => m?.format?.formatName);
