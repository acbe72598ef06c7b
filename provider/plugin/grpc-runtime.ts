/**
 * `@grpc/grpc-js` and `google-protobuf`, resolved from where `@pulumi/pulumi` is installed, so the stubs in
 * `@pulumi/pulumi/proto` and the messages built here are the same classes whatever the package manager's layout
 * (pnpm does not hoist them beside this package). The self-contained release replaces this module with
 * `grpc-runtime-bundled` (scripts/package.sh), whose static imports the bundler follows.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import type * as anyTypes from "google-protobuf/google/protobuf/any_pb";
import type * as emptyTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import { createRequire } from "node:module";

const fromPulumi = createRequire(require.resolve("@pulumi/pulumi/package.json"));

export const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
export const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb") as typeof structTypes;
export const { Any } = fromPulumi("google-protobuf/google/protobuf/any_pb") as typeof anyTypes;
export const { Empty } = fromPulumi("google-protobuf/google/protobuf/empty_pb") as typeof emptyTypes;
export type Struct = structTypes.Struct;
export type Empty = emptyTypes.Empty;
