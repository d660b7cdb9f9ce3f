// `npm run schema`: regenerates src/schema/graph.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { graphJsonSchema } from '../src/outputs/graph-schema.ts';

const file = new URL('../src/schema/graph.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
