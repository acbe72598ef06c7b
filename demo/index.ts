// The root demo stack: every example of the package in one stack, run against the local emulator by
// `npm run demo` (scripts/demo.sh).
export * from "../examples/ci-smart-cover/index";
export * from "../examples/mps-cartoonize/index";
export * from "../examples/ci-batch-transcode/index";
