import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { theatreDocumentJsonSchema } from "../src/model/json-schema";

const target = fileURLToPath(new URL("../schema/theatre-document.schema.json", import.meta.url));
writeFileSync(target, `${JSON.stringify(theatreDocumentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
