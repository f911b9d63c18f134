// `npm run add-resource -- <Name> [--path <segment>] [--field name:Type[?]]... [--description text] [--public]`
import { fileURLToPath } from "node:url";
import { addResource } from "./add-resource.ts";
import { parseSpec, UsageError } from "./spec.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

try {
  const spec = parseSpec(process.argv.slice(2));
  const { written, nextSteps } = await addResource(root, spec);
  console.log(`Added the resource ${spec.model} at /v1/${spec.path}:`);
  for (const file of written) console.log(`  wrote ${file}`);
  console.log("\nNext steps:");
  nextSteps.forEach((step, i) => {
    console.log(`  ${i + 1}. ${step}`);
  });
} catch (error) {
  console.error(`add-resource: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError)
    console.error(
      "usage: npm run add-resource -- <Name> [--path <segment>] [--field name:Type[?]]... [--description text] [--public]",
    );
  process.exit(1);
}
