// `npm run generate:client`: writes src/generated/ from the REST API's OpenAPI document.
import { writeFileSync } from "node:fs";
import { generateClientFiles } from "./openapi-types.ts";

for (const { path, content } of await generateClientFiles()) {
  writeFileSync(path, content);
  console.log(`Wrote ${path}.`);
}
