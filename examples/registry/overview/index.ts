import * as mediajobs from "pulumi-mediajobs/plugin";

// The video's format, streams and duration, read by CI's MediaInfo.
const info = new mediajobs.CiMediaJob("info", {
    bucket: "examplebucket-1250000000",
    region: "ap-guangzhou",
    tag: "MediaInfo",
    input: { object: "videos/clip.mp4" },
    operation: {},
});

export const duration = info.mediaInfo.apply((m) => m?.format?.["duration"]);
