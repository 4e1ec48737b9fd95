import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Quota amounts exceed 2^53: serialized as decimal strings, accepted as strings or integers.
 */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description: 'A signed 64-bit integer, serialized as a decimal string (quota amounts exceed 2^53).',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
    throw new GraphQLError(`BigInt cannot represent ${String(value)}`);
  },
  parseValue(value) {
    return toBigInt(value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toBigInt(ast.value);
    throw new GraphQLError('BigInt must be a decimal string or an integer', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

const INT64_MAX = 9_223_372_036_854_775_807n;

function toBigInt(value: unknown): bigint {
  const s = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof s !== 'string' || !/^-?\d{1,19}$/.test(s)) {
    throw new GraphQLError('BigInt must be a decimal integer string', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const n = BigInt(s);
  if (n > INT64_MAX || n < -INT64_MAX) {
    throw new GraphQLError('BigInt out of 64-bit range', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return n;
}
