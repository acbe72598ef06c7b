// One CI job under a component of the program's own, in the dynamic form or (`form=plugin`) through the plugin; with
// `invalid=true` its inputs break declared rules at several depths, so that preview shows the failures.
import * as pulumi from "@pulumi/pulumi";
import * as dynamicForm from "pulumi-mediajobs";
import * as pluginForm from "pulumi-mediajobs/plugin";

const config = new pulumi.Config();
const m = config.get("form") === "plugin" ? pluginForm : dynamicForm;
const bucket = "examplebucket-1250000000";
const region = "ap-guangzhou";

class Group extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("display:index:Group", name, {}, opts);
  }
}
const parent = new Group("inner", { parent: new Group("outer") });

const job = config.getBoolean("invalid")
  ? new m.CiMediaJob("covers", { bucket, region, tag: "SmartCover", input: { object: "videos/clip.mp4" },
    // Values as YAML or stack config give them: strings; one is not a number, and the output names no object.
    operation: { smartCover: { width: "wide" as unknown as number, count: "2" as unknown as number },
      output: { bucket, region } } }, { parent })
  : new m.CiMediaJob("info", { bucket, region, tag: "MediaInfo", input: { object: "videos/clip.mp4" },
    operation: {} }, { parent });

export const state = job.state;
