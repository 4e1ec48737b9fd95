// Typed documents (GraphQL Code Generator's client preset) from the api's committed schema.
// Run with `pnpm --filter @switchboard/web codegen`. Operations are written as graphql(`...`) calls
// in web/graphql/*.ts; this script plucks them, validates them against the schema and writes
// web/graphql/generated/. `graphql/pending.graphql` extends the api schema with the operations the
// console expects that the api has not built yet (see docs/console.md); keep it as small as the
// api allows — every entry there is a gap to close in api/.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as clientPreset from '@graphql-codegen/client-preset';
import {
  buildSchema,
  extendSchema,
  NoUnusedFragmentsRule,
  parse,
  printSchema,
  specifiedRules,
  validate,
} from 'graphql';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiSchemaPath = join(web, '../api/schema.graphql');
const pendingPath = join(web, 'graphql/pending.graphql');
const outDir = join(web, 'graphql/generated/');

let schema = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
if (existsSync(pendingPath)) {
  const pending = readFileSync(pendingPath, 'utf8');
  if (pending.replace(/#.*$/gm, '').trim())
    schema = extendSchema(schema, stillPending(schema, parse(pending)));
}

/**
 * Drops from pending.graphql whatever the api schema has meanwhile (types, fields, the
 * subscription root) and says so, so that the file can be trimmed; the rest extends the schema.
 */
function stillPending(base, doc) {
  const landed = [];
  const definitions = [];
  for (const def of doc.definitions) {
    if (def.kind === 'SchemaExtension') {
      if (base.getSubscriptionType()) landed.push('schema.subscription');
      else definitions.push(def);
      continue;
    }
    const existing = base.getType(def.name.value);
    if (!def.kind.endsWith('Extension')) {
      if (existing) landed.push(def.name.value);
      else definitions.push(def);
      continue;
    }
    const fields = existing?.getFields?.() ?? {};
    const missing = def.fields.filter((f) => !(f.name.value in fields));
    for (const f of def.fields) if (f.name.value in fields) landed.push(`${def.name.value}.${f.name.value}`);
    if (missing.length) definitions.push({ ...def, fields: missing });
  }
  if (landed.length) console.warn(`pending.graphql: now in the api schema, delete: ${landed.join(', ')}`);
  return { ...doc, definitions };
}

/** Every graphql(`...`) call in the operation files, verbatim (the preset keys its overloads by text). */
function pluck() {
  const docs = [];
  const dir = join(web, 'graphql');
  for (const name of readdirSync(dir)) {
    if (!/\.tsx?$/.test(name)) continue;
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/graphql\(\s*(?:\/\* GraphQL \*\/\s*)?`([^`]*)`/g)) {
      docs.push({ location: relative(web, file), document: parse(m[1]), rawSDL: m[1] });
    }
  }
  return docs;
}

const documents = pluck();
// Fragments live in their own graphql() calls: validate each operation with all of them in scope.
const fragments = documents.flatMap((d) =>
  d.document.definitions.filter((def) => def.kind === 'FragmentDefinition'),
);
const rules = specifiedRules.filter((r) => r !== NoUnusedFragmentsRule);
const errors = documents.flatMap((d) => {
  const own = new Set(d.document.definitions.map((def) => def.name?.value));
  const withFragments = {
    ...d.document,
    definitions: [...d.document.definitions, ...fragments.filter((f) => !own.has(f.name.value))],
  };
  return validate(schema, withFragments, rules).map((e) => `${d.location}: ${e.message}`);
});
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}

const schemaAst = schema;
const sections = await clientPreset.preset.buildGeneratesSection({
  baseOutputDir: outDir,
  schema: parse(printSchema(schema)),
  schemaAst,
  documents,
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: {
      BigInt: 'string',
      DateTime: 'string',
      DateTimeISO: 'string',
      JSON: 'unknown',
      JSONObject: 'Record<string, unknown>',
    },
    defaultScalarType: 'unknown',
  },
  presetConfig: { fragmentMasking: false },
  plugins: [],
  pluginMap: {},
});
mkdirSync(outDir, { recursive: true });
for (const section of sections) {
  const output = await codegen({ ...section, schemaAst, documents: section.documents ?? documents });
  writeFileSync(section.filename, output);
}
console.log(`codegen: ${documents.length} operations → ${relative(web, outDir)}`);
