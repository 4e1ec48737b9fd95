import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  GraphQLEnumType,
  type GraphQLSchema,
  getNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/harness.js';
import { type Access, AUTHORIZATION_POLICY } from './authorization.policy.js';
import { getSchema } from './schema.js';

/**
 * The authorization matrix, generated from the schema: every Query and Mutation field and
 * every field marked secret (extensions.secret) is called as anonymous, user, sales, admin and
 * root, and the answer must match AUTHORIZATION_POLICY — refused (UNAUTHENTICATED/FORBIDDEN)
 * below the declared role, not refused from it upwards (other errors such as NOT_FOUND for the
 * made-up arguments are fine: the gate was passed). Anything without a policy entry fails.
 */
const ROLES = ['anonymous', 'user', 'sales', 'admin', 'root'] as const;
type Caller = (typeof ROLES)[number];
const RANK: Record<Caller, number> = { anonymous: -1, user: 0, sales: 1, admin: 2, root: 3 };
const NEED: Record<Access, number> = { public: -1, signedIn: 0, user: 0, sales: 1, admin: 2, root: 3 };

/** Operations whose side effects would spoil the other calls, with arguments that keep them harmless. */
const SAFE_ARGS: Record<string, Record<string, unknown>> = {
  'Mutation.login': { username: 'matrix-nobody', password: 'wrong-password' },
  'Mutation.changePassword': { currentPassword: 'not-the-password', newPassword: 'whatever-123' },
};

let schema: GraphQLSchema;
let api: TestApi;
const tokens: Partial<Record<Caller, string>> = {};

function dummyInput(type: GraphQLInputType, depth = 0): unknown {
  if (type instanceof GraphQLNonNull) return dummyInput(type.ofType, depth);
  if (type instanceof GraphQLList) return [dummyInput(type.ofType, depth)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
  if (type instanceof GraphQLInputObjectType) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (f.type instanceof GraphQLNonNull && f.defaultValue === undefined)
        out[f.name] = dummyInput(f.type, depth + 1);
    }
    return out;
  }
  const scalar = type as GraphQLScalarType;
  switch (scalar.name) {
    case 'ID':
      return '999999';
    case 'Int':
    case 'Float':
      return 999999;
    case 'Boolean':
      return false;
    case 'BigInt':
      return '1';
    case 'DateTimeISO':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return 'matrix-x';
  }
}

function typeRef(type: GraphQLInputType): string {
  return type.toString();
}

/** `name(args) { selection }` with variables for every required argument. */
function call(key: string, field: GraphQLField<unknown, unknown>, inner = '__typename') {
  const vars: Record<string, unknown> = {};
  const decl: string[] = [];
  const pass: string[] = [];
  for (const a of field.args as readonly GraphQLArgument[]) {
    const safe = SAFE_ARGS[key]?.[a.name];
    if (safe === undefined && !(a.type instanceof GraphQLNonNull)) continue;
    if (safe === undefined && a.defaultValue !== undefined) continue;
    vars[a.name] = safe ?? dummyInput(a.type);
    decl.push(`$${a.name}: ${typeRef(a.type)}`);
    pass.push(`${a.name}: $${a.name}`);
  }
  const named = getNamedType(field.type);
  const selection = named instanceof GraphQLObjectType ? ` { ${inner} }` : '';
  return {
    decl: decl.length ? `(${decl.join(', ')})` : '',
    text: `${field.name}${pass.length ? `(${pass.join(', ')})` : ''}${selection}`,
    vars,
  };
}

/** A root query field without required arguments that returns `target` (directly or in a list). */
function pathTo(
  target: GraphQLObjectType,
): { field: GraphQLField<unknown, unknown>; via: string | null } | null {
  const query = schema.getQueryType()!;
  for (const f of Object.values(query.getFields())) {
    if (f.args.some((a) => a.type instanceof GraphQLNonNull && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type as GraphQLOutputType);
    if (named === target) return { field: f, via: null };
    // One level down, e.g. tokens { items { … } }
    if (named instanceof GraphQLObjectType) {
      for (const g of Object.values(named.getFields())) {
        if (getNamedType(g.type) === target && !g.args.length) return { field: f, via: g.name };
      }
    }
  }
  return null;
}

async function run(caller: Caller, query: string, vars: Record<string, unknown>) {
  const r = await api.gql(query, vars, tokens[caller]);
  const codes = (r.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
  return { codes, data: r.data, errors: r.errors };
}

function expectGate(where: string, caller: Caller, access: Access, codes: string[]) {
  const allowed = RANK[caller] >= NEED[access];
  const refused = codes.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
  if (allowed && access === 'public') {
    // Public operations may answer UNAUTHENTICATED for bad credentials, never FORBIDDEN.
    expect(codes, `${where} as ${caller}`).not.toContain('FORBIDDEN');
  } else if (allowed) {
    expect(refused, `${where} as ${caller} was refused (${codes.join(',')}) but policy is ${access}`).toBe(
      false,
    );
  } else {
    expect(
      refused,
      `${where} as ${caller} was NOT refused (${codes.join(',') || 'ok'}) but policy is ${access}`,
    ).toBe(true);
    expect(codes).toContain(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  }
}

beforeAll(async () => {
  schema = await getSchema();
  api = await startTestApi();
  const root = await api.login();
  // Personal tokens: `logout` in the matrix must not end these sessions.
  const personal = async (session: string) =>
    (await api.ok('mutation{ createAccessToken(name:"matrix"){ token } }', {}, session)).createAccessToken
      .token;
  tokens.root = await personal(root);
  for (const role of ['admin', 'sales', 'user'] as const) {
    const username = `matrix-${role}`;
    await api.ok(
      'mutation($i: CreateUserInput!){ createUser(input:$i){ id } }',
      { i: { username, password: 'matrix-password', role } },
      tokens.root,
    );
    tokens[role] = await personal(await api.login(username, 'matrix-password'));
  }
  // Data so that secret fields under lists are actually resolved.
  await api.ok(
    'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id } }',
    { i: { type: 'openai', name: 'matrix', keys: ['sk-matrix-0000000000'], models: ['gpt-4o-mini'] } },
    tokens.root,
  );
}, 120_000);
afterAll(() => api?.close());

describe('authorization matrix', () => {
  it('every Query, Mutation and Subscription field has a policy entry, and no entry is stale', () => {
    const ops = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter((t): t is GraphQLObjectType => !!t)
      .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    const secret = secretFields().map((s) => `${s.type.name}.${s.field.name}`);
    const missing = [...ops, ...secret].filter((k) => !(k in AUTHORIZATION_POLICY));
    expect(missing, 'add these to graphql/authorization.policy.ts').toEqual([]);
    const stale = Object.keys(AUTHORIZATION_POLICY).filter((k) => !ops.includes(k) && !secret.includes(k));
    expect(stale, 'policy entries for fields that are gone or not marked @Secret').toEqual([]);
  });

  it('every secret field declares the same role as its policy entry', () => {
    for (const { type, field } of secretFields()) {
      expect(field.extensions.minRole, `${type.name}.${field.name}`).toBe(
        AUTHORIZATION_POLICY[`${type.name}.${field.name}`],
      );
    }
  });

  it('queries and mutations: each role is refused exactly below its policy', async () => {
    for (const opType of [schema.getQueryType()!, schema.getMutationType()!]) {
      const keyword = opType === schema.getQueryType() ? 'query' : 'mutation';
      for (const field of Object.values(opType.getFields())) {
        const key = `${opType.name}.${field.name}`;
        const c = call(key, field);
        for (const caller of ROLES) {
          const { codes } = await run(caller, `${keyword} M${c.decl} { ${c.text} }`, c.vars);
          expectGate(key, caller, AUTHORIZATION_POLICY[key]!, codes);
        }
      }
    }
  }, 120_000);

  it('secret fields: each role is refused exactly below its policy', async () => {
    for (const { type, field } of secretFields()) {
      const key = `${type.name}.${field.name}`;
      const path = pathTo(type);
      expect(path, `no argument-free query reaches ${type.name}`).not.toBeNull();
      const named = getNamedType(field.type);
      const leaf = named instanceof GraphQLObjectType ? `${field.name} { __typename }` : field.name;
      const inner = path!.via ? `${path!.via} { id ${leaf} }` : `id ${leaf}`;
      const q = `query { ${path!.field.name} { ${inner} } }`;
      for (const caller of ROLES) {
        const { codes, data } = await run(caller, q, {});
        expectGate(key, caller, AUTHORIZATION_POLICY[key]!, codes);
        if (RANK[caller] >= NEED[AUTHORIZATION_POLICY[key]!]) {
          // Allowed callers really received the field (the list was not empty).
          expect(JSON.stringify(data), `${key} as ${caller}`).toContain(`"${field.name}"`);
        }
      }
    }
  }, 120_000);
});

function secretFields() {
  const out: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (!(t instanceof GraphQLObjectType) || t.name.startsWith('__')) continue;
    for (const f of Object.values(t.getFields())) if (f.extensions?.secret) out.push({ type: t, field: f });
  }
  return out;
}
