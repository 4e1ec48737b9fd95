import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../graphql/print-schema.js';

/** Writes api/schema.graphql (the web console generates its types from it). */
const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
writeFileSync(target, await printSchemaFile());
console.log(`written ${target}`);
