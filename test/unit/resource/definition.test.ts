import assert from "node:assert/strict";
import { engineFailures } from "../../../provider/resource/definition";
import { markerIdentityOf, parseUrn, urnOf } from "../../../provider/resource/identity";

describe("check failures as the engine shows them", () => {
  it("keep the property of a top-level input that was given (the engine prints its value beside the reason)", () => {
    assert.deepEqual(engineFailures([{ property: "bucket", reason: "bucket must be …" }], { bucket: "Bad" }),
      [{ property: "bucket", reason: "bucket must be …" }]);
  });

  it("drop the property of a nested path or a missing input, whose value the engine would print as {<nil>}", () => {
    assert.deepEqual(engineFailures([
      { property: "operation.output.object", reason: "operation.output.object is required: …" },
      { property: "tag", reason: "tag is required: …" },
    ], { operation: {} }), [
      { property: "", reason: "operation.output.object is required: …" },
      { property: "", reason: "tag is required: …" },
    ]);
  });
});

describe("resource identity", () => {
  it("is the URN the engine gives: under the parent's types, not the stack's", () => {
    assert.equal(urnOf("dev", "proj", "", "pulumi-nodejs:dynamic/mediajobs:CiMediaJob", "a"),
      "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/mediajobs:CiMediaJob::a");
    assert.equal(urnOf("dev", "proj", "pulumi:pulumi:Stack", "T", "a"), "urn:pulumi:dev::proj::T::a");
    assert.equal(urnOf("dev", "proj", "my:C$my:D", "T", "a::b"), "urn:pulumi:dev::proj::my:C$my:D$T::a::b");
    assert.deepEqual(parseUrn("urn:pulumi:dev::proj::my:C$T::a::b"),
      { stack: "dev", project: "proj", qualifiedType: "my:C$T", name: "a::b" });
    assert.equal(parseUrn("proj/dev/CiMediaJob/a"), undefined);
  });

  it("names the job's marker the same way in both forms, under its parents' types", () => {
    assert.equal(markerIdentityOf("urn:pulumi:dev::proj::mediajobs:index:IProductionJob::cover"),
      "proj/dev/IProductionJob/cover");
    assert.equal(markerIdentityOf("urn:pulumi:dev::proj::pulumi-nodejs:dynamic/mediajobs:IProductionJob::cover"),
      "proj/dev/IProductionJob/cover");
    assert.equal(markerIdentityOf("urn:pulumi:dev::proj::my:C$mediajobs:index:IProductionJob::cover"),
      "proj/dev/my:C$IProductionJob/cover");
    assert.equal(markerIdentityOf("urn:pulumi:dev::proj::my:C$pulumi-nodejs:dynamic/mediajobs:IProductionJob::cover"),
      "proj/dev/my:C$IProductionJob/cover");
  });
});
