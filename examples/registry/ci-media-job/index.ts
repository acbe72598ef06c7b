import * as mediajobs from "pulumi-mediajobs/plugin";

// Three 1280x720 covers picked from a video by CI's SmartCover; ${Number} is CI's own placeholder.
const covers = new mediajobs.CiMediaJob("covers", {
    bucket: "examplebucket-1250000000",
    region: "ap-guangzhou",
    tag: "SmartCover",
    input: { object: "videos/clip.mp4" },
    operation: {
        smartCover: { format: "jpg", width: 1280, height: 720, count: 3 },
        output: { region: "ap-guangzhou", bucket: "examplebucket-1250000000", object: "covers/clip-${Number}.jpg" },
    },
    timeoutSeconds: 900,
});

export const jobId = covers.jobId;
export const coverObjects = covers.outputObjects.apply((objects) => (objects ?? []).map((o) => o.object));
