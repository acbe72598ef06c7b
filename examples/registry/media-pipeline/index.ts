import * as mediajobs from "pulumi-mediajobs/plugin";

// An MPS pipeline that reports to an MNS queue (added, and deleted on destroy).
const pipeline = new mediajobs.MediaPipeline("cartoon-pipeline", {
    cloud: "alicloud",
    region: "cn-shanghai",
    name: "cartoonize",
    state: "Active",
    notifyConfig: { queueName: "mps-events" },
});

// A CI queue of a bucket, adopted and renamed (CI has no API to create queues; destroy restores its settings).
const queue = new mediajobs.MediaPipeline("transcode-queue", {
    cloud: "tencentcloud",
    bucket: "examplebucket-1250000000",
    region: "ap-guangzhou",
    category: "Transcoding",
    name: "pulumi-transcode",
    state: "Active",
});

export const pipelineId = pipeline.pipelineId;
export const queueId = queue.pipelineId;
export const queueOriginalName = queue.original.apply((o) => o?.name);
