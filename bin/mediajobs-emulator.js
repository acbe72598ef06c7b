#!/usr/bin/env node
"use strict";
require("../dist/emulator/cli.js").main(process.argv.slice(2)).catch((e) => {
  console.error(`mediajobs-emulator: ${e.message}`);
  process.exit(1);
});
