import assert from "node:assert/strict";
import { ossUrl, parseResult } from "../../../provider/iproduction-job/result";

const OUT = "oss://b.oss-cn-shanghai.aliyuncs.com/out/{source}.jpg";
const doubled = (data: unknown) => JSON.stringify({ Code: "0", Message: "success", Data: JSON.stringify(data) });

describe("IProductionJob result parsing", () => {
  it("parses both JSON levels of a Cover result into typed frames and full URLs", () => {
    const { result, outputFiles } = parseResult("Cover", doubled([
      { Score: "0.98", Time: "1.5", Url: "oss://b.oss-cn-shanghai.aliyuncs.com/out/v-0.jpg" },
      { Score: "0.91", Time: "5.5", Url: "https://b.oss-cn-shanghai.aliyuncs.com/out/v-1.jpg" },
    ]), OUT);
    assert.deepEqual(result, { code: "0", message: "success", data: [
      { score: 0.98, time: 1.5, url: "oss://b.oss-cn-shanghai.aliyuncs.com/out/v-0.jpg" },
      { score: 0.91, time: 5.5, url: "https://b.oss-cn-shanghai.aliyuncs.com/out/v-1.jpg" },
    ] });
    assert.deepEqual(outputFiles, ["oss://b.oss-cn-shanghai.aliyuncs.com/out/v-0.jpg",
      "oss://b.oss-cn-shanghai.aliyuncs.com/out/v-1.jpg"]);
  });

  it("types ImageCartoonize and CaptionExtraction files and makes object keys full URLs", () => {
    const cartoon = parseResult("ImageCartoonize", doubled({ result: [{ file: "out/photo.jpg" }] }), OUT);
    assert.deepEqual(cartoon.result!.data, { files: [{ file: "out/photo.jpg" }] });
    assert.deepEqual(cartoon.outputFiles, ["oss://b.oss-cn-shanghai.aliyuncs.com/out/photo.jpg"]);
    const caption = parseResult("CaptionExtraction", doubled({ result: [{ file: "out/v.srt", type: "srt" }] }), OUT);
    assert.deepEqual(caption.result!.data, { files: [{ file: "out/v.srt", type: "srt" }] });
  });

  it("types MusicSegmentDetect segments, which write no files", () => {
    const { result, outputFiles } = parseResult("MusicSegmentDetect",
      doubled({ result: [{ start: "0.0", end: "14.8", title: "intro" }] }), undefined);
    assert.deepEqual(result!.data, [{ start: 0, end: 14.8, title: "intro" }]);
    assert.deepEqual(outputFiles, []);
  });

  it("passes other algorithms' data through, still collecting result[].file", () => {
    const data = { result: [{ file: "out/h2v.mp4", width: 720 }], extra: { a: 1 } };
    const { result, outputFiles } = parseResult("VideoH2V", doubled(data), "oss://b.oss-cn-shanghai.aliyuncs.com/out/x.mp4");
    assert.deepEqual(result!.data, data);
    assert.deepEqual(outputFiles, ["oss://b.oss-cn-shanghai.aliyuncs.com/out/h2v.mp4"]);
  });

  it("is defensive: a Data that is not JSON stays a string, an empty Result is no result", () => {
    assert.deepEqual(parseResult("Cover", JSON.stringify({ Code: "0", Data: "not json" }), OUT).result,
      { code: "0", message: "", data: "not json" });
    assert.deepEqual(parseResult("Cover", "", OUT), { outputFiles: [] });
    assert.deepEqual(parseResult("Cover", "garbage{", OUT).result, { code: "", message: "", data: "garbage{" });
  });

  it("reads a failed job's Code and Message", () => {
    const { result } = parseResult("Cover", JSON.stringify({ Code: "InvalidParameter.ResourceContentBad", Message: "bad" }), OUT);
    assert.equal(result!.code, "InvalidParameter.ResourceContentBad");
    assert.equal(result!.message, "bad");
  });

  it("keeps oss:// URLs and leaves a key alone when there is no output to anchor it", () => {
    assert.equal(ossUrl("oss://x.oss-cn-beijing.aliyuncs.com/k", OUT), "oss://x.oss-cn-beijing.aliyuncs.com/k");
    assert.equal(ossUrl("/k/v.jpg", OUT), "oss://b.oss-cn-shanghai.aliyuncs.com/k/v.jpg");
    assert.equal(ossUrl("k/v.jpg", undefined), "k/v.jpg");
  });
});
