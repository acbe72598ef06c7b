import * as mediajobs from "pulumi-mediajobs/plugin";

// A photo cartoonized by MPS; {source} and {timestamp} are MPS's own placeholders.
const cartoon = new mediajobs.IProductionJob("cartoon", {
    region: "cn-shanghai",
    functionName: "ImageCartoonize",
    input: "oss://example-media.oss-cn-shanghai.aliyuncs.com/photos/team.jpg",
    output: "oss://example-media.oss-cn-shanghai.aliyuncs.com/cartoons/{source}-{timestamp}.jpg",
    userData: "album=team",
    timeoutSeconds: 600,
});

export const jobId = cartoon.jobId;
export const state = cartoon.state;
export const outputFiles = cartoon.outputFiles;
