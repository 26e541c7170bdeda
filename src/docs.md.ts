// The model's documentation as a page: docs/model.md, docs/workbook.md and docs/security.md, as written in the repository.
import {readFileSync} from "node:fs";

const read = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), "utf8");
// The workbook's page follows the model's, a level down, so the page keeps one title.
const workbook = read("workbook.md").replace(/^#/gm, "##").replace("[model.md](model.md)", "the sections above");
// Security closes the page, a level down likewise.
const security = read("security.md").replace(/^#/gm, "##");
process.stdout.write(`---\ntitle: How the model works\n---\n\n${read("model.md").replace("`docs/workbook.md`", "the section on the workbook export, below")}\n\n${workbook}\n\n${security}`);
