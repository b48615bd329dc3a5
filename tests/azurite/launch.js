// Starts one Azurite service (blob or queue) for tests/Insights.Lake.Tests and ties its life to the test host:
// the host keeps this process's stdin open, so when the host exits (even killed), stdin ends and Azurite goes too.
// Usage: node launch.js <path to azurite/dist/src/{blob,queue}/main.js> [azurite options...]
"use strict";
const main = process.argv[2];
if (!main) {
  console.error("usage: node launch.js <azurite service main.js> [options]");
  process.exit(2);
}
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
// Azurite parses process.argv as [node, script, ...options]: drop this launcher from it.
process.argv.splice(1, 2, main);
require(main);
