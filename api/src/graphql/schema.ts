import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { RESOLVERS } from './resolvers.js';

let cached: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process (type-graphql keeps global metadata). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
