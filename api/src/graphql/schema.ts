import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
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
    // type-graphql insists on a PubSub once any subscription exists. Ours pass explicit
    // `subscribe` functions fed from Redis (channel-health/), so this in-process one stays unused.
    pubSub: createPubSub(),
  });
  return cached;
}
