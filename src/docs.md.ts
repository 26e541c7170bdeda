// The model's documentation as a page: docs/model.md, as written in the repository.
import {readFileSync} from "node:fs";

const markdown = readFileSync(new URL("../docs/model.md", import.meta.url), "utf8");
process.stdout.write(`---\ntitle: How the model works\n---\n\n${markdown}`);
