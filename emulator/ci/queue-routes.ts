/** `GET /queue` and `PUT /queue/<id>` of the emulated CI host. */
import { nodes, parseXml, text } from "../../provider/clients/xml";
import type { CiJobStore } from "./jobs";
import { CiQueueStore, queueDocument } from "./queues";
import { CiReply, CiRequest, ciError, ciOk } from "./reply";

export function listQueues(queues: CiQueueStore, req: CiRequest, bucket: string): CiReply {
  const all = queues.forBucket(bucket);
  const ids = (req.query.queueIds ?? "").split(",").filter(Boolean);
  if (ids.length > 10) return ciError(400, "InvalidArgument", "queueIds takes at most 10 ids.", req.requestId);
  const category = req.query.category ?? "CateAll";
  let list = ids.length ? all.filter((q) => ids.includes(q.QueueId)) : all;
  if (category !== "CateAll") list = list.filter((q) => q.Category === category);
  if (req.query.state) list = list.filter((q) => q.State === req.query.state);
  const pageNumber = Number(req.query.pageNumber ?? "1");
  const pageSize = Math.min(Number(req.query.pageSize ?? "10"), 100);
  return ciOk({
    RequestId: req.requestId, TotalCount: String(list.length), PageNumber: String(pageNumber),
    PageSize: String(pageSize),
    QueueList: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(queueDocument),
    ...nonExistPids(ids.filter((id) => !all.some((q) => q.QueueId === id))),
  });
}

/**
 * Unknown ids in the nested form cos-cpp-sdk-v5's DescribeQueuesResp reads (`<NonExistPIDs><QueueId>…`), so that
 * clients are tested against it; the job describe answers give NonExistJobIds flat, the form cos-go-sdk-v5 reads.
 */
function nonExistPids(missing: string[]): { NonExistPIDs?: { QueueId: string[] } } {
  return missing.length ? { NonExistPIDs: { QueueId: missing } } : {};
}

/**
 * Name, State and NotifyConfig are all required: the update replaces them together. Resuming a paused queue starts
 * the jobs it held.
 */
export function updateQueue(queues: CiQueueStore, jobs: CiJobStore, req: CiRequest, bucket: string, id: string):
  CiReply {
  const queue = queues.get(bucket, id);
  if (!queue) return ciError(404, "NoSuchQueue", `Queue ${id} does not exist in this bucket.`, req.requestId);
  const { root, body } = parseXml(req.body);
  if (root !== "Request") return ciError(400, "MalformedXML", "The root element must be Request.", req.requestId);
  const name = text(body.Name);
  const state = text(body.State);
  const notify = nodes(body.NotifyConfig)[0];
  if (!name || Buffer.byteLength(name) > 128) {
    return ciError(400, "InvalidArgument", "Name is required and at most 128 bytes.", req.requestId);
  }
  if (state !== "Active" && state !== "Paused") {
    return ciError(400, "InvalidArgument", "State must be Active or Paused.", req.requestId);
  }
  if (!notify) return ciError(400, "InvalidArgument", "NotifyConfig is required.", req.requestId);
  const fields = Object.fromEntries(Object.entries(notify).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  if (fields.State === "On" && fields.Type === "Url" && !/^https?:\/\//.test(fields.Url ?? "")) {
    return ciError(400, "InvalidArgument", "NotifyConfig.Url must be an http(s) URL when Type is Url.", req.requestId);
  }
  if (queues.update(queue, name, state, fields)) jobs.resumeQueue(queue.QueueId);
  return ciOk({ RequestId: req.requestId, Queue: queueDocument(queue) });
}
