/** Identifier forms every resource's rules share: region ids and CI queue ids. */
import { Checker } from "./checker";

const REGION = /^[a-z]+(-[a-z0-9]+)+$/;
const CI_QUEUE_ID = /^p[0-9A-Za-z]+$/;

/** A region id of either cloud (`ap-guangzhou`, `cn-shanghai`); `example` names one of the resource's cloud. */
export function checkRegion(c: Checker, path: string, value: unknown, example = "ap-guangzhou"): void {
  c.pattern(path, value, REGION, `must be a region id such as ${example}`);
}

/** A CI queue id (`p` and letters or digits). */
export function checkCiQueueId(c: Checker, path: string, value: unknown): void {
  c.pattern(path, value, CI_QUEUE_ID, "must be a CI queue id (it starts with p)");
}
