import type * as pulumi from "@pulumi/pulumi";

/** A plain Args shape with every level accepting Pulumi Inputs (promises, Outputs or values). */
export type Inputs<T> = pulumi.Input<
  T extends (infer U)[] ? Inputs<U>[] : T extends object ? { [K in keyof T]: Inputs<T[K]> } : T
>;

/** The Args of a resource whose inputs are `T` (distributes over unions, so each variant keeps its own fields). */
export type ArgsOf<T> = T extends unknown ? { [K in keyof T]: Inputs<T[K]> } : never;
