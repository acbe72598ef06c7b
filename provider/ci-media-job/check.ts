/** The documented CiMediaJob constraints (../shared/api/tencent-ci.md), each a check failure naming field and rule. */
import { Checker, CheckResult } from "../check/checker";
import { checkJobKnobs } from "../lifecycle/job-knobs";
import { checkCiQueueId, checkRegion } from "../check/ids";
import {
  checkBucket, checkCallback, checkTagAndOutput, checkUserDataAndLevel,
} from "../ci-operation/rules";

import { valuesOf } from "../schema/declare";
import { CI_MEDIA_JOB } from "./shape";

const TAG = /^[A-Z][A-Za-z0-9]*$/;

export function checkCiMediaJob(inputs: Record<string, unknown>): CheckResult {
  const c = new Checker();
  checkBucket(c, "bucket", inputs.bucket, "the bucket that holds the input, as <BucketName>-<APPID>");
  checkRegion(c, "region", inputs.region);
  if (c.required("tag", inputs.tag, "the kind of job, e.g. SmartCover or MediaInfo")) {
    c.pattern("tag", inputs.tag, TAG, "must be a CI job tag such as SmartCover, MediaInfo or Transcode");
  }
  if (c.required("input", inputs.input, "the object to process") && c.object("input", inputs.input)) {
    const object = inputs.input.object;
    if (c.required("input.object", object, "the name of the object to process")) {
      c.pattern("input.object", object, /^[^/]/, "is an object name and must not start with /");
    }
  }
  checkCiQueueId(c, "queueId", inputs.queueId);
  c.oneOf("queueType", inputs.queueType, valuesOf(CI_MEDIA_JOB.inputs.queueType));
  checkCallback(c, inputs, "");
  checkJobKnobs(c, inputs);
  if (c.required("operation", inputs.operation, "what the job does") && c.object("operation", inputs.operation)) {
    const op = inputs.operation;
    checkUserDataAndLevel(c, op, "operation.");
    checkTagAndOutput(c, inputs.tag, op, "operation", op.output, "operation.output");
  }
  return c.result(inputs);
}
