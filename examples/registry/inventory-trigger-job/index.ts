import * as mediajobs from "pulumi-mediajobs/plugin";

// Every video under uploads/ transcoded to 720p MP4; ${InventoryTriggerJobId} and ${jobid} are CI's placeholders.
const batch = new mediajobs.InventoryTriggerJob("uploads-720p", {
    bucket: "examplebucket-1250000000",
    region: "ap-guangzhou",
    name: "uploads-720p",
    type: "Job",
    input: { prefix: "uploads/" },
    operation: {
        tag: "Transcode",
        jobParam: {
            transcode: {
                container: { format: "mp4" },
                video: { codec: "H.264", width: 1280, height: 720 },
                audio: { codec: "aac" },
            },
        },
        output: {
            region: "ap-guangzhou",
            bucket: "examplebucket-1250000000",
            object: "transcoded/${InventoryTriggerJobId}/${jobid}.mp4",
        },
    },
    timeoutSeconds: 3600,
});

export const jobId = batch.jobId;
export const state = batch.state;
export const byState = batch.childJobs.apply((c) => c?.byState);
