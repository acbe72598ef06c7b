/**
 * `./grpc-runtime` for the self-contained release (scripts/package.sh): the same exports as static imports, which
 * the bundler follows to the copies `@pulumi/pulumi/proto` uses. Never loaded from the npm package.
 */
import * as grpcModule from "@grpc/grpc-js";
import * as anyModule from "google-protobuf/google/protobuf/any_pb";
import * as emptyModule from "google-protobuf/google/protobuf/empty_pb";
import * as structModule from "google-protobuf/google/protobuf/struct_pb";

export const grpc = grpcModule;
export const { Struct } = structModule;
export const { Any } = anyModule;
export const { Empty } = emptyModule;
export type Struct = structModule.Struct;
export type Empty = emptyModule.Empty;
