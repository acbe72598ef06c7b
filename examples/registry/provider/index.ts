import * as pulumi from "@pulumi/pulumi";
import * as mediajobs from "pulumi-mediajobs/plugin";

// A second Tencent Cloud account beside the default provider's (the stack's mediajobs:* config).
const config = new pulumi.Config();
const archive = new mediajobs.Provider("archive-account", {
    tencentcloudSecretId: config.requireSecret("archiveSecretId"),
    tencentcloudSecretKey: config.requireSecret("archiveSecretKey"),
    tencentcloudRegion: "ap-beijing",
});

const info = new mediajobs.CiMediaJob("archive-info", {
    bucket: "archive-1250000000",
    tag: "MediaInfo",
    input: { object: "videos/clip.mp4" },
    operation: {},
}, { provider: archive });

export const format = info.mediaInfo.apply((m) => m?.format);
