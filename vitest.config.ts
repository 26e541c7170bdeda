import {defineConfig} from "vitest/config";

// `npm test` writes vitest's JSON report beside its console summary: .ci/run counts
// passed and failed tests from that file, since CI does not read vitest's own summary.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: {json: "test-results.json"},
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Installs Debian's chromium if needed and builds dist/ for the browser tests.
    globalSetup: ["test/browser/setup.ts"]
  }
});
