/**
 * The gRPC runtime and protobuf messages of the plugin protocol. They come with `@pulumi/pulumi` (the peer
 * dependency): its generated stubs in `@pulumi/pulumi/proto`, and `@grpc/grpc-js` and `google-protobuf` resolved
 * from where `@pulumi/pulumi` is installed, so the stubs and the messages built here are the same classes whatever
 * the package manager's layout (pnpm does not hoist them beside this package).
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

export * as provider from "@pulumi/pulumi/proto/provider_pb";
export * as providerService from "@pulumi/pulumi/proto/provider_grpc_pb";
export * as plugin from "@pulumi/pulumi/proto/plugin_pb";
export * as engine from "@pulumi/pulumi/proto/engine_pb";
export * as engineService from "@pulumi/pulumi/proto/engine_grpc_pb";
export * as status from "@pulumi/pulumi/proto/status_pb";
