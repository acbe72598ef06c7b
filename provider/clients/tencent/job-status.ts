/** What every CI JobsDetail holds, media job or batch: read once here for both. */
import { parseCiTime } from "./time";
import { nodes, text, XmlNode } from "../xml";

export interface CiJobStatus {
  jobId: string;
  /** CI's spelling: Submitted, Running, Success, Failed, Pause, Cancel. */
  state: string;
  code: string;
  message: string;
  /** CI's times as it writes them (`2022-06-27T15:23:10+0800`, `-` when not reached yet). */
  creationTime: string;
  startTime: string;
  endTime: string;
  /** The same instants in epoch ms (NaN when not reached). */
  createdAt: number;
  endedAt: number;
  /** Operation.UserData: the user's, or the marker a submission carried. */
  userData: string;
}

/** The status fields of a JobsDetail; absent fields read as empty. */
export function readJobStatus(detail: XmlNode): CiJobStatus {
  return {
    jobId: text(detail.JobId) ?? "",
    state: text(detail.State) ?? "",
    code: text(detail.Code) ?? "",
    message: text(detail.Message) ?? "",
    creationTime: text(detail.CreationTime) ?? "",
    startTime: text(detail.StartTime) ?? "",
    endTime: text(detail.EndTime) ?? "",
    createdAt: parseCiTime(text(detail.CreationTime)),
    endedAt: parseCiTime(text(detail.EndTime)),
    userData: text(nodes(detail.Operation)[0]?.UserData) ?? "",
  };
}
