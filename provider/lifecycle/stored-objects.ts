/**
 * The objects a job wrote, in its cloud's object store: whether they are still there (the refresh of a finished job
 * the cloud no longer lists) and deleting them (`deleteOutputsOnDestroy`). One client per bucket; requests go a few
 * at a time, through each client's rate limit and retries.
 */
import type { ObjectClient } from "../clients/object-api";
import type { OperationEnv } from "../resource/definition";

/** An object a job wrote, in the object store of its cloud. */
export interface StoredObject {
  service: "cos" | "oss";
  bucket: string;
  region: string;
  key: string;
}

/**
 * Where a finished job's result is, as its state records it: objects by name, or (a batch whose objects are not
 * recorded one by one) the prefix its objects were written under, which holds the result while anything is there.
 */
export type ResultLocation = StoredObject & { prefix?: true };

/** Requests in flight at once: enough to hide the latency of a few hundred HEADs, few enough not to be throttled. */
const IN_FLIGHT = 8;

/** `cos://bucket/key`, `oss://bucket/prefix*`: how lines name a location. */
export function locationName(o: ResultLocation): string {
  return `${o.service}://${o.bucket}/${o.key}${o.prefix ? "*" : ""}`;
}

export class ObjectStores {
  private readonly clients = new Map<string, ObjectClient>();

  constructor(private readonly env: OperationEnv) {}

  /** Which locations still hold the job's result (an object that exists, a prefix with an object under it). */
  async present(locations: readonly ResultLocation[]): Promise<{ present: ResultLocation[]; gone: ResultLocation[] }> {
    const found = await inTurns(locations, (o) => o.prefix ? this.client(o).anyUnder(o.key)
      : this.client(o).exists(o.key));
    return { present: locations.filter((_, i) => found[i]), gone: locations.filter((_, i) => !found[i]) };
  }

  /** Deletes the objects one by one (a failure stops there); answers those that were there and those already gone. */
  async delete(objects: readonly StoredObject[]): Promise<{ deleted: StoredObject[]; gone: StoredObject[] }> {
    const deleted: StoredObject[] = [];
    const gone: StoredObject[] = [];
    for (const o of objects) ((await this.client(o).delete(o.key)) ? deleted : gone).push(o);
    return { deleted, gone };
  }

  private client(o: StoredObject): ObjectClient {
    const bucketKey = `${o.service}://${o.bucket}@${o.region}`;
    let client = this.clients.get(bucketKey);
    if (!client) {
      const { ctx } = this.env;
      client = o.service === "cos" ? ctx.cosObjects(o.bucket, o.region) : ctx.ossObjects(o.bucket, o.region);
      this.clients.set(bucketKey, client);
    }
    return client;
  }
}

/** `fn` over the items, at most IN_FLIGHT at once; the answers in the items' order. The first failure rejects. */
async function inTurns<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const answers = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      answers[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
  return answers;
}
