/**
 * Emulated batch jobs (`/inventorytriggerjob`). A batch of Type Job submits one media job per object it finds,
 * visible in `GET /jobs?inventoryTriggerJobId=…`; it runs until every child has ended and then succeeds (a failed
 * child shows in the child's own state). A Workflow batch follows the job timeline. Cancelling a batch cancels its
 * children that have not started running.
 */
import { randomBytes } from "node:crypto";
import { nodes, parseXml, text, XmlNode } from "../../provider/clients/xml";
import { ciTime } from "./job-detail";
import { agedOut } from "../history";
import { CiJob, CiJobStore, TERMINAL_STATES } from "./jobs";
import { CiQueueStore } from "./queues";
import { ciError, ciOk, CiReply, CiRequest } from "./reply";
import { submitJob } from "./submit";
import { SubmissionLog } from "../submissions";

const NAME = /^[A-Za-z0-9_-]{1,128}$/;
const INPUT_KINDS = ["Manifest", "UrlFile", "Prefix", "Object"] as const;

interface Batch {
  jobId: string;
  bucket: string;
  region: string;
  request: XmlNode;
  createdAt: number;
  cancelledAt?: number;
  children: CiJob[];
}

/** The objects a batch input names: the emulated bucket listing under a prefix, or the named object. */
export type ObjectLister = (bucket: string, input: { kind: string; value: string }) => string[];

export const defaultObjectLister: ObjectLister = (_bucket, { kind, value }) => {
  if (kind === "Object") return [value];
  const base = kind === "Prefix" ? value : `${value.replace(/[^/]*$/, "")}listed/`;
  return ["intro.mp4", "keynote.mp4", "qa.mp4"].map((name) => `${base}${name}`);
};

/** The parts the batch routes answer from. */
export interface BatchServiceOptions {
  /** Where the child jobs go. */
  jobs: CiJobStore;
  queues: CiQueueStore;
  /** Where batches are counted by UserData (shared with the media jobs). */
  submissions: SubmissionLog;
  now: () => number;
  /** The objects a Type Job batch makes a child job for. */
  lister: ObjectLister;
  /** How long a Workflow batch runs. */
  workflowMs: number;
  /** How long an ended batch stays in CI's history (ms); default: for ever. */
  historyMs?: number;
}

export class BatchService {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly parts: BatchServiceOptions) {}

  /** The CI routes this service answers. */
  route = (req: CiRequest, bucket: string, region: string, segments: string[]): CiReply | undefined => {
    if (segments[0] !== "inventorytriggerjob") return undefined;
    const id = segments[1];
    if (!id && req.method === "POST") return this.create(req, bucket, region);
    if (!id && req.method === "GET") return this.list(req, bucket);
    if (id && req.method === "GET") return this.describe(id.split(","), bucket, req.requestId);
    if (id && req.method === "PUT" && "cancel" in req.query) return this.cancel(id, bucket, req.requestId);
    return undefined;
  };

  all(): { jobId: string; state: string; children: CiJob[] }[] {
    this.dropAgedOut();
    return [...this.batches.values()].map((b) => ({ jobId: b.jobId, state: this.state(b), children: b.children }));
  }

  private create(req: CiRequest, bucket: string, region: string): CiReply {
    const { root, body } = parseXml(req.body);
    if (root !== "Request") return ciError(400, "MalformedXML", "The root element must be Request.", req.requestId);
    const fail = (message: string) => ciError(400, "InvalidArgument", message, req.requestId);
    const name = text(body.Name) ?? "";
    if (!NAME.test(name)) return fail("Name is required: at most 128 letters, digits, - and _.");
    const type = text(body.Type) ?? "Job";
    if (type !== "Job" && type !== "Workflow") return fail("Type must be Job or Workflow.");
    const input = nodes(body.Input)[0] ?? {};
    const kinds = INPUT_KINDS.filter((k) => text(input[k]));
    if (kinds.length !== 1) return fail("Input takes exactly one of Manifest, UrlFile, Prefix, Object.");
    const op = nodes(body.Operation)[0] ?? {};
    if (type === "Job" && (!text(op.Tag) || !text(op.QueueId))) return fail("Operation.Tag and QueueId are required for Type Job.");
    if (type === "Workflow" && !text(op.WorkflowIds)) return fail("Operation.WorkflowIds is required for Type Workflow.");

    const batch: Batch = { jobId: "b" + randomBytes(16).toString("hex"), bucket, region, request: body,
      createdAt: this.parts.now(), children: [] };
    if (type === "Job") {
      const objects = this.parts.lister(bucket, { kind: kinds[0]!, value: text(input[kinds[0]!])! });
      for (const object of objects) {
        const child = submitJob(this.parts, bucket, region, childRequest(batch.jobId, op, object),
          { inventoryTriggerJobId: batch.jobId });
        if (typeof child === "string") return fail(child);
        batch.children.push(child);
      }
    }
    this.batches.set(batch.jobId, batch);
    this.parts.submissions.record(text(op.UserData));
    return ciOk({ RequestId: req.requestId, JobsDetail: this.detail(batch) });
  }

  private describe(ids: string[], bucket: string, requestId: string): CiReply {
    this.dropAgedOut();
    const found = ids.map((id) => this.batches.get(id)).filter((b): b is Batch => b?.bucket === bucket);
    return ciOk({ RequestId: requestId, JobsDetail: found.map((b) => this.detail(b)),
      NonExistJobIds: ids.filter((id) => !found.some((b) => b.jobId === id)) });
  }

  private list(req: CiRequest, bucket: string): CiReply {
    this.dropAgedOut();
    const states = req.query.states?.split(",");
    const list = [...this.batches.values()].filter((b) => b.bucket === bucket &&
      (!req.query.type || (text(b.request.Type) ?? "Job") === req.query.type) &&
      (!req.query.name || text(b.request.Name) === req.query.name) && (!states || states.includes(this.state(b))));
    const size = Math.min(Number(req.query.size ?? "10"), 100);
    const offset = Number(req.query.nextToken ?? "0");
    return ciOk({ RequestId: req.requestId, JobsDetail: list.slice(offset, offset + size).map((b) => this.detail(b)),
      NextToken: offset + size < list.length ? String(offset + size) : "" });
  }

  private cancel(id: string, bucket: string, requestId: string): CiReply {
    this.dropAgedOut();
    const batch = this.batches.get(id);
    if (!batch || batch.bucket !== bucket) return ciError(404, "NoSuchJob", `Job ${id} does not exist.`, requestId);
    const state = this.state(batch);
    if (TERMINAL_STATES.has(state)) return ciError(400, "InvalidArgument", `Job ${id} is ${state} and cannot be cancelled.`, requestId);
    batch.cancelledAt = this.parts.now();
    for (const child of batch.children) {
      const s = this.parts.jobs.state(child);
      if (s === "Submitted" || s === "Pause") this.parts.jobs.cancel(child);
    }
    return ciOk({ RequestId: requestId });
  }

  /** Forgets the batches that ended longer ago than the history keeps them (their child jobs age out alike). */
  private dropAgedOut(): void {
    const now = this.parts.now();
    for (const batch of this.batches.values()) {
      if (agedOut(this.endedAt(batch), now, this.parts.historyMs)) this.batches.delete(batch.jobId);
    }
  }

  private state(batch: Batch): string {
    if (batch.cancelledAt !== undefined) return "Cancel";
    if ((text(batch.request.Type) ?? "Job") === "Workflow") {
      return this.parts.now() - batch.createdAt < this.parts.workflowMs ? "Running" : "Success";
    }
    const states = batch.children.map((c) => this.parts.jobs.state(c));
    if (states.every((s) => TERMINAL_STATES.has(s))) return "Success";
    return states.some((s) => s !== "Submitted" && s !== "Pause") ? "Running" : "Submitted";
  }

  private endedAt(batch: Batch): number | undefined {
    if (batch.cancelledAt !== undefined) return batch.cancelledAt;
    if (this.state(batch) !== "Success") return undefined;
    const ends = batch.children.map((c) => this.parts.jobs.endedAt(c) ?? 0);
    return ends.length ? Math.max(...ends) : batch.createdAt + this.parts.workflowMs;
  }

  private detail(batch: Batch): XmlNode {
    const state = this.state(batch);
    const done = batch.children.filter((c) => TERMINAL_STATES.has(this.parts.jobs.state(c))).length;
    const progress = state === "Success" ? 100 : batch.children.length ? Math.floor((done / batch.children.length) * 100) : 0;
    const { Name, Type, Input, Operation } = batch.request;
    return {
      Code: state === "Cancel" ? "Cancelled" : state === "Success" ? "Success" : "", Message: "",
      Type: Type ?? "Job", Name: Name ?? "", JobId: batch.jobId, State: state, Progress: `${progress}%`,
      CreationTime: ciTime(batch.createdAt), StartTime: ciTime(batch.createdAt), EndTime: ciTime(this.endedAt(batch)),
      Input: Input ?? {}, Operation: Operation ?? {},
    };
  }
}

/** The media job a batch makes for one object: its JobParam becomes the job's Operation. */
function childRequest(batchId: string, op: XmlNode, object: string): XmlNode {
  const jobParam = nodes(op.JobParam)[0] ?? {};
  const output = nodes(op.Output)[0];
  const expanded = output ? { ...output,
    Object: (text(output.Object) ?? "").replace(/\$\{InventoryTriggerJobId\}/g, batchId) } : undefined;
  const request: XmlNode = {
    Tag: op.Tag ?? "", Input: { Object: object },
    Operation: { ...jobParam, ...(expanded ? { Output: expanded } : {}), ...(op.UserData ? { UserData: op.UserData } : {}),
      ...(op.JobLevel ? { JobLevel: op.JobLevel } : {}) },
    QueueId: op.QueueId ?? "",
  };
  for (const k of ["CallBack", "CallBackFormat", "CallBackType", "CallBackMqConfig"]) if (op[k]) request[k] = op[k]!;
  return request;
}
