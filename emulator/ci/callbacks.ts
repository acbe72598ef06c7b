/**
 * Job callbacks, as CI sends them when a job ends: to the job's own `CallBack` URL, or else to its queue's
 * notification URL when that is on. The body is `EventName` TaskFinish plus the JobsDetail, as XML
 * (`<Response>…</Response>`) or JSON. TDMQ callbacks cannot leave this machine: they are recorded instead.
 */
import { buildXml, nodes, text, XmlNode } from "../../provider/clients/xml";
import { jobsDetail } from "./job-detail";
import { CiJob, CiJobTimes } from "./jobs";
import { CiQueue, CiQueueStore } from "./queues";

export interface CallbackRecord {
  jobId: string;
  /** `Url` (POSTed) or `TDMQ` (recorded only). */
  type: "Url" | "TDMQ";
  target: string;
  format: "XML" | "JSON";
  body: string;
  /** HTTP status of the receiver, or the error that stopped the POST. */
  outcome?: number | string;
}

interface Target {
  type: "Url" | "TDMQ";
  target: string;
  format: "XML" | "JSON";
}

/** Where a finished job's callback goes, or undefined when none is configured (or `CallBack` is `no`). */
function callbackTarget(request: XmlNode, queue: CiQueue | undefined): Target | undefined {
  const callBack = text(request.CallBack);
  if (callBack === "no") return undefined;
  const format = (text(request.CallBackFormat) ?? queue?.NotifyConfig.ResultFormat) === "JSON" ? "JSON" : "XML";
  if (text(request.CallBackType) === "TDMQ") {
    const mq = nodes(request.CallBackMqConfig)[0] ?? {};
    return { type: "TDMQ", target: `${text(mq.MqRegion) ?? ""}/${text(mq.MqName) ?? ""}`, format };
  }
  if (callBack) return { type: "Url", target: callBack, format };
  const notify = queue?.NotifyConfig;
  if (notify?.State === "On" && notify.Type === "Url" && notify.Url) {
    return { type: "Url", target: notify.Url, format: notify.ResultFormat === "JSON" ? "JSON" : "XML" };
  }
  if (notify?.State === "On" && notify.Type === "TDMQ") {
    return { type: "TDMQ", target: `${notify.MqRegion}/${notify.MqName}`, format };
  }
  return undefined;
}

function callbackBody(detail: XmlNode, format: "XML" | "JSON"): string {
  return format === "JSON"
    ? JSON.stringify({ EventName: "TaskFinish", JobsDetail: detail })
    : buildXml("Response", { EventName: "TaskFinish", JobsDetail: detail });
}

/** Sends (Url) or records (TDMQ) one callback; never throws. */
async function deliver(record: CallbackRecord): Promise<void> {
  if (record.type === "TDMQ") return;
  try {
    const res = await fetch(record.target, {
      method: "POST", body: record.body, signal: AbortSignal.timeout(5000),
      headers: { "content-type": record.format === "JSON" ? "application/json" : "application/xml" },
    });
    record.outcome = res.status;
    await res.arrayBuffer();
  } catch (e) {
    record.outcome = (e as Error).message;
  }
}

/** Sends the callback of each job that ends, and keeps every one sent or recorded, in order. */
export class CallbackSender {
  readonly records: CallbackRecord[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly queues: CiQueueStore, private readonly times: CiJobTimes) {}

  /** The job's callback, to its own target or its queue's; nothing when neither is set. */
  send(job: CiJob): void {
    const target = callbackTarget(job.request, this.queues.get(job.bucket, job.queueId));
    if (!target) return;
    const record: CallbackRecord = { jobId: job.jobId, ...target,
      body: callbackBody(jobsDetail(this.times, job), target.format) };
    this.records.push(record);
    const sending = deliver(record).finally(() => this.pending.delete(sending));
    this.pending.add(sending);
  }

  /** Waits for callbacks in flight (tests, and closing). */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
