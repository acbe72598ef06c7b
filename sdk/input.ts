import type * as pulumi from "@pulumi/pulumi";

/** A plain Args shape with every level accepting Pulumi Inputs (promises, Outputs or values). */
export type Inputs<T> = pulumi.Input<
  T extends (infer U)[] ? Inputs<U>[] : T extends object ? { [K in keyof T]: Inputs<T[K]> } : T
>;
