/** What each cloud does for MediaPipeline: an MPS pipeline is added and deleted, a CI queue adopted and restored. */
import type { OperationEnv, Props } from "../resource/definition";

export type { Imported, Props } from "../resource/definition";

export interface PipelineBackend {
  /** Adds (MPS) or adopts (CI) the pipeline; answers its id and what the cloud reports. */
  create(props: Props, env: OperationEnv): Promise<{ id: string; computed: object }>;
  /** Applies a change of the settings that update in place. */
  update(id: string, olds: Props, news: Props, env: OperationEnv): Promise<object>;
  /** What the cloud reports now; undefined when the pipeline no longer exists. */
  read(id: string, props: Props, env: OperationEnv): Promise<object | undefined>;
  /** Deletes (MPS) or restores (CI) the pipeline. */
  delete(id: string, props: Props, env: OperationEnv): Promise<void>;
}

/** Outputs are the inputs plus what the cloud reports; computed fields the cloud left unset are dropped. */
export function outputs(props: Props, computed: object): Props {
  const { notifyConfig: _n, role: _r, speedLevel: _s, ...rest } = props;
  return { ...rest, ...computed };
}
