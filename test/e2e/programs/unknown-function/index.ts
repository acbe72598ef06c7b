// A job with a FunctionName MPS does not document: `pulumi preview` must warn, not fail.
import { IProductionJob } from "pulumi-mediajobs";

export const jobId = new IProductionJob("future-algorithm", {
  region: "cn-shanghai",
  functionName: "VideoTimeTravel",
  input: "oss://example-media.oss-cn-shanghai.aliyuncs.com/in/clip.mp4",
  output: "oss://example-media.oss-cn-shanghai.aliyuncs.com/out/{source}.mp4",
}).jobId;
