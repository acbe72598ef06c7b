/**
 * The vendor documents' own samples (test/fixtures/seeds/samples, copied verbatim): each sample request, written as
 * Args, passes check() and serialises to the sample body (same elements and values, order aside); each sample
 * response parses into the outputs.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { checkCiMediaJob } from "../../../provider/ci-media-job/check";
import { outputsOfJob as jobOutputs, toCreateRequest } from "../../../provider/ci-media-job/wire";
import { CiMediaJobInputs } from "../../../provider/ci-media-job/shape";
import { checkInventoryTriggerJob } from "../../../provider/inventory-trigger-job/check";
import { outputsOfBatch as batchOutputs, toBatchRequest } from "../../../provider/inventory-trigger-job/wire";
import { InventoryTriggerJobInputs } from "../../../provider/inventory-trigger-job/shape";
import { checkIProductionJob } from "../../../provider/iproduction-job/check";
import { outputsOfStatus as mpsOutputs, toSubmitParams } from "../../../provider/iproduction-job/wire";
import { IProductionJobInputs } from "../../../provider/iproduction-job/shape";
import { readIProductionJob } from "../../../provider/clients/alibaba/iproduction-jobs";
import { parseMpsResponse } from "../../../provider/clients/alibaba/mps-client";
import { readMediaJob } from "../../../provider/clients/tencent/media-jobs";
import { readBatchJob } from "../../../provider/clients/tencent/batch-jobs";
import { buildXml, nodes, parseXml } from "../../../provider/clients/xml";
import {
  mpsSampleParams, printedSample, readDocument, relaxedJson, sample, SAMPLES, SEEDS_DIR, unmasked,
} from "../../helpers/seeds";

/** An XML document as a plain tree, every value a string: what "same elements and values, order aside" compares. */
const neutral = new XMLParser({ parseTagValue: false, trimValues: true });
const tree = (xml: string): unknown => neutral.parse(xml);

/** Lines trimmed: the documents indent some samples (004 by four spaces). */
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean).join("\n");

function assertValid(args: Record<string, unknown>, check: (a: Record<string, unknown>) => { failures: unknown[] }) {
  assert.deepEqual(check(args).failures, []);
}

/** Both CI job samples answer a job just submitted to the same queue. */
function assertSubmitted(file: string, jobId: string): void {
  const detail = nodes(parseXml(sample(file)).body.JobsDetail)[0]!;
  assert.deepEqual(jobOutputs(readMediaJob(detail)), {
    jobId, state: "Submitted", code: "Success", message: "", creationTime: "2022-06-27T15:23:10+0800",
    startTime: "-", endTime: "-", queueId: "p2242ab62c7c94486915508540933a2c6", outputObjects: [], spriteObjects: [],
  });
}

describe("the vendor documents' samples", () => {
  it("are copied verbatim from their documents, every file of the samples folder listed", () => {
    assert.deepEqual(readdirSync(join(SEEDS_DIR, "samples")).sort(), Object.keys(SAMPLES).sort());
    for (const [file, { document }] of Object.entries(SAMPLES)) {
      assert.ok(lines(readDocument(document)).includes(lines(printedSample(file))), `${file} is in ${document}`);
    }
  });

  it("need their named repairs to be well-formed XML, and no other change", () => {
    for (const [file, { errata }] of Object.entries(SAMPLES)) {
      if (!file.endsWith(".xml")) continue;
      assert.equal(XMLValidator.validate(sample(file)), true, `${file} after its repairs`);
      for (const { printed, meant } of errata ?? []) {
        assert.equal(printedSample(file).split(printed).length, 2, `${file}: "${printed}" occurs once`);
        assert.notEqual(XMLValidator.validate(printedSample(file)), true, `${file} as printed is not well formed`);
        assert.equal(sample(file).length, printedSample(file).length + meant.length - printed.length);
      }
    }
  });

  describe("CI SmartCover (document 002)", () => {
    const args = (operation: Record<string, unknown>) => ({
      bucket: "test-1234567890", region: "ap-chongqing", tag: "SmartCover", input: { object: "input/demo.mp4" },
      operation: { ...operation,
        output: { region: "ap-chongqing", bucket: "test-123456789", object: "output/smartcover-${number}.jpg" },
        userData: "This is my data.", jobLevel: 0 },
      callBack: "http://callback.demo.com", callBackFormat: "JSON",
    });
    const cases = {
      template: args({ templateId: "t16567cd58ade9411d952283873123b9b1" }),
      inline: args({ smartCover: { format: "jpg", width: 1280, height: 960, count: 5, deleteDuplicates: true } }),
    };
    for (const [kind, inputs] of Object.entries(cases)) {
      it(`the ${kind} request: Args pass check() and serialise to the sample body`, () => {
        assertValid(inputs, checkCiMediaJob);
        const body = buildXml("Request", toCreateRequest(inputs as CiMediaJobInputs));
        assert.deepEqual(tree(body), tree(sample(`002-smartcover-${kind}-request.xml`)));
      });

      it(`the ${kind} response parses into the outputs`, () => {
        assertSubmitted(`002-smartcover-${kind}-response.xml`, "j8d121820f5e411ec926ef19d53ba9c6f");
      });
    }
  });

  describe("CI MediaInfo (document 003)", () => {
    const inputs = {
      bucket: "test-1234567890", region: "ap-chongqing", tag: "MediaInfo", input: { object: "input/demo.mp4" },
      operation: { userData: "This is my data.", jobLevel: 0 }, callBack: "http://callback.demo.com",
      callBackFormat: "JSON",
    };
    it("the request: Args pass check() and serialise to the sample body", () => {
      assertValid(inputs, checkCiMediaJob);
      const body = buildXml("Request", toCreateRequest(inputs as CiMediaJobInputs));
      assert.deepEqual(tree(body), tree(sample("003-mediainfo-request.xml")));
    });

    it("the response parses into the outputs", () => {
      assertSubmitted("003-mediainfo-response.xml", "j229ed9e2f60c11ec8525e36307395bf9");
    });
  });

  describe("CI batch job (document 004)", () => {
    const inputs = {
      bucket: "bucket-1250000000", region: "ap-beijing", name: "demo", type: "Job", input: { prefix: "input" },
      operation: {
        timeInterval: { start: "2022-02-01T12:00:00+0800", end: "2022-05-01T12:00:00+0800" },
        queueId: "p893bcda225bf4945a378da6662e81a89", userData: "this is my inventorytriggerjob",
        callBack: "https://www.callback.com", tag: "Transcode", jobParam: { templateId: "t1460606b9752148c4ab182f55163ba7cd" },
        output: { region: "ap-chongqing", bucket: "test-1234567890", object: "output/${InventoryTriggerJobId}/out.mp4" },
        jobLevel: 0,
      },
    };
    it("the request: Args pass check() and serialise to the sample body", () => {
      assertValid(inputs, checkInventoryTriggerJob);
      const body = buildXml("Request", toBatchRequest(inputs as InventoryTriggerJobInputs));
      assert.deepEqual(tree(body), tree(sample("004-batch-request.xml")));
    });

    it("the response parses into the outputs, and carries the request id", () => {
      const { body } = parseXml(sample("004-batch-response.xml"));
      assert.equal(body.RequestId, "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==");
      assert.deepEqual(batchOutputs(readBatchJob(nodes(body.JobsDetail)[0]!)), {
        jobId: "be8f65004eb8511eaaed4f377124a303c", state: "Running", progress: "", code: "Success", message: "",
        times: { creationTime: "2022-06-27T15:23:10+0800", startTime: "2022-06-27T15:23:11+0800",
          endTime: "2022-06-27T15:25:10+0800" },
      });
    });
  });

  describe("MPS SubmitIProductionJob and QueryIProductionJob (documents 000 and 001)", () => {
    // The sample prints `null` for the parameters it leaves empty (ModelId, ScheduleParams, UserData).
    const printed = mpsSampleParams(unmasked(sample("000-submit-request.txt")));
    const given = Object.fromEntries(Object.entries(printed).filter(([k, v]) => k !== "Action" && v !== "null"));
    const inputs = {
      region: "cn-shanghai", functionName: "ImageCartoonize", jobParams: { mode: "gif" },
      notifyUrl: given.NotifyUrl, pipelineId: given.PipelineId, input: given.Input, output: given.Output,
    };

    it("the request: Args pass check() and give the sample's parameters (JobParams as the JSON it means)", () => {
      assert.equal(printed.Action, "SubmitIProductionJob");
      assertValid(inputs, checkIProductionJob);
      const params = Object.fromEntries(Object.entries(toSubmitParams(inputs as IProductionJobInputs))
        .filter(([, v]) => v !== undefined));
      assert.deepEqual(Object.keys(params).sort(), Object.keys(given).sort());
      for (const [key, value] of Object.entries(given)) {
        if (key === "JobParams") assert.deepEqual(JSON.parse(params.JobParams!), relaxedJson(value));
        else assert.equal(params[key], value, key);
      }
    });

    it("the submit response gives the job id, in JSON as in XML", () => {
      const body = parseMpsResponse("SubmitIProductionJob",
        { status: 200, headers: { "content-type": "application/json" }, body: sample("000-submit-response.json") });
      assert.equal(body.JobId, "39f8e0bc005e4f309379701645f4****");
      assert.deepEqual(tree(sample("000-submit-response.xml")), { SubmitIProductionJobResponse: body });
    });

    it("the query response parses into the outputs, in JSON as in XML", () => {
      const body = parseMpsResponse("QueryIProductionJob",
        { status: 200, headers: { "content-type": "application/json" }, body: sample("001-query-response.json") });
      assert.deepEqual(tree(sample("001-query-response.xml")), { QueryIProductionJobResponse: body });
      const query = mpsSampleParams(sample("001-query-request.txt"));
      assert.deepEqual(query, { Action: "QueryIProductionJob", JobId: body.JobId });
      const status = readIProductionJob(body)!;
      const echoed = { functionName: String(body.FunctionName), output: String(body.Output) };
      const output = "oss://example-****.oss-cn-hangzhou.aliyuncs.com/iproduction";
      assert.deepEqual(mpsOutputs(status, echoed as IProductionJobInputs), {
        jobId: "88c6ca184c0e432bbf5b665e2a15****", state: "Success", code: "Success", message: "Successful.",
        pipelineId: "39f8e0bc005e4f309379701645f4****",
        outputFiles: [`${output}/test-result.jpg`, `${output}/test-origin.jpg`],
        result: { code: "Success", message: "Successful.",
          data: { files: [{ file: "iproduction/test-result.jpg" }, { file: "iproduction/test-origin.jpg" }] } },
      });
    });
  });
});
