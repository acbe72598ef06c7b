/**
 * Emulated CI queues. A queue exists once media processing is enabled on a bucket; there is no API to create or
 * delete one, so each bucket gets its queues on first sight: one per category. A paused queue holds jobs
 * submitted to it in `Pause` until it is resumed.
 */
import { createHash } from "node:crypto";
import { XmlNode } from "../../provider/clients/xml";
import { ciTime } from "./job-detail";

export interface CiQueue {
  QueueId: string;
  Name: string;
  State: "Active" | "Paused";
  NotifyConfig: Record<string, string>;
  MaxSize: string;
  MaxConcurrent: string;
  UpdateTime: string;
  CreateTime: string;
  Category: string;
  bucket: string;
}

export const QUEUE_CATEGORIES = ["Transcoding", "SpeedTranscoding"] as const;

const EMPTY_NOTIFY = { Url: "", Event: "", Type: "", State: "Off", ResultFormat: "", MqMode: "", MqName: "",
  MqRegion: "" };

/** The id CI gives a bucket's queue of a category (stable, as the bucket's queue is). */
export function queueIdFor(bucket: string, category: string): string {
  const seed = category === "Transcoding" ? bucket : `${bucket}/${category}`;
  return "p" + createHash("md5").update(seed).digest("hex");
}

export class CiQueueStore {
  private readonly queues = new Map<string, CiQueue>();

  constructor(private readonly now: () => number) {}

  /** The bucket's queues, created on first sight as enabling media processing would. */
  forBucket(bucket: string): CiQueue[] {
    return QUEUE_CATEGORIES.map((category) => {
      const id = queueIdFor(bucket, category);
      let queue = this.queues.get(id);
      if (!queue) {
        const t = ciTime(this.now());
        queue = { QueueId: id, Name: category === "Transcoding" ? "queue-1" : "speed-queue-1", State: "Active",
          NotifyConfig: { ...EMPTY_NOTIFY }, MaxSize: "10000", MaxConcurrent: category === "Transcoding" ? "10" : "5",
          UpdateTime: t, CreateTime: t, Category: category, bucket };
        this.queues.set(id, queue);
      }
      return queue;
    });
  }

  get(bucket: string, id: string): CiQueue | undefined {
    return this.forBucket(bucket).find((q) => q.QueueId === id);
  }

  /**
   * PUT /queue/<id>: Name, State and NotifyConfig are replaced together. True when the queue went from Paused to
   * Active: the jobs it held are to start.
   */
  update(queue: CiQueue, name: string, state: "Active" | "Paused", notify: Record<string, string>): boolean {
    const resumed = queue.State === "Paused" && state === "Active";
    queue.Name = name;
    queue.State = state;
    queue.NotifyConfig = { ...EMPTY_NOTIFY, ...notify };
    queue.UpdateTime = ciTime(this.now());
    return resumed;
  }

  all(): CiQueue[] {
    return [...this.queues.values()];
  }
}

/** A queue as CI answers it (without our bookkeeping). */
export function queueDocument(queue: CiQueue): XmlNode {
  const { bucket: _bucket, ...doc } = queue;
  return doc;
}
