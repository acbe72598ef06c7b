import assert from "node:assert/strict";
import { buildXml, idList, nodes, parseXml, texts } from "../../../provider/clients/xml";

describe("CI XML codec", () => {
  it("keeps every value a string, including ones that look like numbers", () => {
    const { body } = parseXml("<Response><Md5>0123e4</Md5><Size>007</Size><Flag>true</Flag></Response>");
    assert.deepEqual(body, { Md5: "0123e4", Size: "007", Flag: "true" });
  });

  it("parses a single repeated element as an array", () => {
    const { body } = parseXml("<Response><JobsDetail><JobId>j1</JobId></JobsDetail>" +
      "<NonExistJobIds>j2</NonExistJobIds></Response>");
    assert.deepEqual(nodes(body.JobsDetail).map((j) => j.JobId), ["j1"]);
    assert.deepEqual(texts(body.NonExistJobIds), ["j2"]);
  });

  it("reads a list of ids in the flat and in the nested form, one id or several", () => {
    const read = (xml: string, name: string) => idList(parseXml(`<Response>${xml}</Response>`).body[name]);
    assert.deepEqual(read("<NonExistPIDs>p1</NonExistPIDs><NonExistPIDs>p2</NonExistPIDs>", "NonExistPIDs"),
      ["p1", "p2"]);
    assert.deepEqual(read("<NonExistPIDs><QueueId>p1</QueueId></NonExistPIDs>", "NonExistPIDs"), ["p1"]);
    assert.deepEqual(read("<NonExistPIDs><QueueId>p1</QueueId><QueueId>p2</QueueId></NonExistPIDs>", "NonExistPIDs"),
      ["p1", "p2"]);
    assert.deepEqual(read("<NonExistJobIds>j1</NonExistJobIds>", "NonExistJobIds"), ["j1"]);
    assert.deepEqual(read("<NonExistJobIds><JobId>j1</JobId><JobId>j2</JobId></NonExistJobIds>", "NonExistJobIds"),
      ["j1", "j2"]);
    assert.deepEqual(read("<NonExistJobIds/>", "NonExistJobIds"), []);
    assert.deepEqual(read("", "NonExistJobIds"), []);
  });

  it("parses nested repeated ObjectName and Md5Info as arrays", () => {
    const { body } = parseXml("<Response><OutputFile><ObjectName>a.jpg</ObjectName>" +
      "<Md5Info><ObjectName>a.jpg</ObjectName><Md5>00</Md5></Md5Info></OutputFile></Response>");
    const file = nodes(body.OutputFile)[0]!;
    assert.deepEqual(texts(file.ObjectName), ["a.jpg"]);
    assert.equal(nodes(file.Md5Info).length, 1);
    assert.equal(nodes(file.Md5Info)[0]!.ObjectName, "a.jpg", "Md5Info names one object: not a list");
  });

  it("repeats Video and Audio only as MediaInfo streams, not in Transcode parameters", () => {
    const { body } = parseXml("<Response><MediaInfo><Stream><Video><Width>1920</Width></Video></Stream></MediaInfo>" +
      "<Transcode><Video><Codec>H.264</Codec></Video><Audio><Codec>aac</Codec></Audio></Transcode></Response>");
    const stream = nodes(nodes(body.MediaInfo)[0]!.Stream)[0]!;
    assert.ok(Array.isArray(stream.Video));
    const transcode = nodes(body.Transcode)[0]!;
    assert.deepEqual(transcode.Video, { Codec: "H.264" });
    assert.deepEqual(transcode.Audio, { Codec: "aac" });
  });

  it("reads an empty element of a list of elements as no item: media without an audio track has no Audio", () => {
    const { body } = parseXml("<Response><MediaInfo><Stream><Audio/><Subtitle/><Video><Width>710</Width></Video>" +
      "</Stream></MediaInfo><OutputFile><SpriteOutputFile><Bucket/><Md5Info/><ObjectName/></SpriteOutputFile>" +
      "</OutputFile><JobsDetail/></Response>");
    const stream = nodes(nodes(body.MediaInfo)[0]!.Stream)[0]!;
    assert.deepEqual(stream.Audio, []);
    assert.deepEqual(stream.Subtitle, []);
    assert.deepEqual(stream.Video, [{ Width: "710" }]);
    const sprite = nodes(nodes(body.OutputFile)[0]!.SpriteOutputFile)[0]!;
    assert.deepEqual(sprite.Md5Info, []);
    assert.deepEqual(sprite.Bucket, "", "a text element stays an empty string");
    assert.deepEqual(body.JobsDetail, []);
  });

  it("reads empty elements as empty strings", () => {
    assert.deepEqual(parseXml("<Error><Code>X</Code><Message/></Error>"), { root: "Error", body: { Code: "X", Message: "" } });
  });

  it("escapes text on the way out and reads it back unchanged", () => {
    const xml = buildXml("Request", { UserData: "a<b&c>\"d'", Operation: { Output: { Object: "o/${Number}.jpg" } } });
    assert.equal(xml.includes("a<b"), false);
    const { body } = parseXml(xml);
    assert.equal(body.UserData, "a<b&c>\"d'");
    assert.equal(nodes(nodes(body.Operation)[0]!.Output)[0]!.Object, "o/${Number}.jpg");
  });

  it("writes arrays as repeated elements", () => {
    assert.equal(buildXml("Request", { Id: ["a", "b"] }), "<Request><Id>a</Id><Id>b</Id></Request>");
  });

  it("refuses a document with more than one root", () => {
    assert.throws(() => parseXml("<a/><b/>"));
  });
});
