/** pulumi-mediajobs: Pulumi resources for cloud media processing jobs and queues. */
export { CiMediaJob } from "./ci-media-job";
export type { CiMediaJobArgs } from "./ci-media-job";
export type {
  CiMediaInfo, CiOperation, CiOutput, CiOutputObject, CiSmartCover,
} from "../provider/ci-media-job/types";
