/**
 * The gRPC runtime and protobuf messages of the plugin protocol. They come with `@pulumi/pulumi` (the peer
 * dependency): its generated stubs in `@pulumi/pulumi/proto`, and `@grpc/grpc-js` and `google-protobuf` as
 * `./grpc-runtime` finds them beside it (the self-contained release bundles them instead, see scripts/package.sh).
 */
export { Any, Empty, grpc, Struct } from "./grpc-runtime";
export * as provider from "@pulumi/pulumi/proto/provider_pb";
export * as providerService from "@pulumi/pulumi/proto/provider_grpc_pb";
export * as plugin from "@pulumi/pulumi/proto/plugin_pb";
export * as engine from "@pulumi/pulumi/proto/engine_pb";
export * as engineService from "@pulumi/pulumi/proto/engine_grpc_pb";
export * as status from "@pulumi/pulumi/proto/status_pb";
