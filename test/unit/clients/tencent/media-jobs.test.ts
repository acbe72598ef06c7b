/** CI documents → typed values: each reader maps a document once, and never throws on a sparse one. */
import assert from "node:assert/strict";
import { readBatchJob } from "../../../../provider/clients/tencent/batch-jobs";
import { readMediaJob } from "../../../../provider/clients/tencent/media-jobs";
import { readQueue } from "../../../../provider/clients/tencent/queues";
import { nodes, parseXml, XmlNode } from "../../../../provider/clients/xml";

const first = (xml: string, element: string): XmlNode => nodes(parseXml(`<Response>${xml}</Response>`).body[element])[0]!;

describe("CI media job reader", () => {
  it("reads a finished Snapshot job: ids, state, times, input, UserData, objects with MD5, sprites", () => {
    const job = readMediaJob(first(`<JobsDetail><Code>Success</Code><Message/><JobId>j1</JobId><Tag>Snapshot</Tag>
      <State>Success</State><CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>2022-06-27T15:23:11+0800</StartTime>
      <EndTime>2022-06-27T15:23:12+0800</EndTime><QueueId>p1</QueueId><Input><Object>in/a.mp4</Object></Input>
      <Operation><UserData>mediajobs-abc</UserData><MediaResult><OutputFile><Bucket>b-125</Bucket><Region>ap-guangzhou</Region>
      <ObjectName>s-0.jpg</ObjectName><ObjectName>s-1.jpg</ObjectName><Md5Info><ObjectName>s-0.jpg</ObjectName><Md5>00ff</Md5></Md5Info>
      <SpriteOutputFile><Bucket>b-125</Bucket><Region>ap-guangzhou</Region><ObjectName>sprite-0.jpg</ObjectName></SpriteOutputFile>
      </OutputFile></MediaResult></Operation></JobsDetail>`, "JobsDetail"));
    assert.deepEqual(job, {
      jobId: "j1", tag: "Snapshot", state: "Success", code: "Success", message: "",
      creationTime: "2022-06-27T15:23:10+0800", startTime: "2022-06-27T15:23:11+0800", endTime: "2022-06-27T15:23:12+0800",
      createdAt: Date.parse("2022-06-27T07:23:10Z"), endedAt: Date.parse("2022-06-27T07:23:12Z"),
      queueId: "p1", inputObject: "in/a.mp4", userData: "mediajobs-abc",
      outputObjects: [{ bucket: "b-125", region: "ap-guangzhou", object: "s-0.jpg", md5: "00ff" },
        { bucket: "b-125", region: "ap-guangzhou", object: "s-1.jpg" }],
      spriteObjects: [{ bucket: "b-125", region: "ap-guangzhou", object: "sprite-0.jpg" }],
    });
  });

  it("reads MediaInfo in camelCase with its streams as lists, and times not reached as NaN", () => {
    const job = readMediaJob(first(`<JobsDetail><JobId>j2</JobId><State>Running</State><EndTime>-</EndTime><Operation>
      <MediaInfo><Format><FormatName>mov</FormatName></Format><Stream><Video><Width>1920</Width></Video>
      <Audio><CodecName>aac</CodecName></Audio></Stream></MediaInfo></Operation></JobsDetail>`, "JobsDetail"));
    assert.deepEqual(job.mediaInfo, { format: { formatName: "mov" },
      stream: { video: [{ width: "1920" }], audio: [{ codecName: "aac" }] } });
    assert.equal(job.endTime, "-");
    assert.ok(Number.isNaN(job.endedAt));
    assert.deepEqual(job.outputObjects, []);
  });

  it("reads the empty stream nodes of media without audio as empty lists, as mediaInfo declares them", () => {
    const job = readMediaJob(first(`<JobsDetail><JobId>j3</JobId><Operation><MediaInfo><Stream><Audio/><Subtitle/>
      <Video><CodecName>h264</CodecName></Video></Stream></MediaInfo></Operation></JobsDetail>`, "JobsDetail"));
    assert.deepEqual(job.mediaInfo, { stream: { audio: [], subtitle: [], video: [{ codecName: "h264" }] } });
  });

  it("reads an empty detail as empty values", () => {
    const job = readMediaJob({});
    assert.equal(job.jobId, "");
    assert.equal(job.userData, "");
    assert.equal(job.mediaInfo, undefined);
  });
});

describe("CI batch job reader", () => {
  it("reads a batch: name, type, progress, times and the UserData its Operation carries", () => {
    const batch = readBatchJob(first(`<JobsDetail><Code>Success</Code><Message/><Type>Job</Type><Name>nightly</Name>
      <JobId>b1</JobId><State>Success</State><Progress>100%</Progress><CreationTime>2024-01-01T00:00:00+0800</CreationTime>
      <StartTime>2024-01-01T00:00:01+0800</StartTime><EndTime>2024-01-01T00:10:00+0800</EndTime>
      <Operation><Tag>Transcode</Tag><UserData>m1</UserData></Operation></JobsDetail>`, "JobsDetail"));
    assert.deepEqual(batch, { jobId: "b1", name: "nightly", type: "Job", state: "Success", progress: "100%",
      code: "Success", message: "", creationTime: "2024-01-01T00:00:00+0800", startTime: "2024-01-01T00:00:01+0800",
      endTime: "2024-01-01T00:10:00+0800", createdAt: Date.parse("2023-12-31T16:00:00Z"),
      endedAt: Date.parse("2023-12-31T16:10:00Z"), userData: "m1" });
  });
});

describe("CI queue reader", () => {
  it("reads a queue, its sizes as numbers and only the notify fields that are set, in camelCase", () => {
    const queue = readQueue(first(`<QueueList><QueueId>p1</QueueId><Name>queue-1</Name><State>Paused</State>
      <NotifyConfig><Url>https://h/cb</Url><Event>TaskFinish</Event><Type>Url</Type><State>On</State><ResultFormat/>
      <MqMode/></NotifyConfig><MaxSize>10000</MaxSize><MaxConcurrent>10</MaxConcurrent><Category>Transcoding</Category>
      </QueueList>`, "QueueList"));
    assert.deepEqual(queue, { queueId: "p1", name: "queue-1", state: "Paused", category: "Transcoding",
      notifyConfig: { url: "https://h/cb", event: "TaskFinish", type: "Url", state: "On" }, maxSize: 10000,
      maxConcurrent: 10 });
  });
});
