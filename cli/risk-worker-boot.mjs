// A risk worker thread's first module: Node's worker threads do not take tsx from the
// parent's flags, so the thread registers it itself, then loads the TypeScript worker.
import {register} from "tsx/esm/api";

register();
await import("./risk-worker.ts");
