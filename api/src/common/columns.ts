import { BigIntType } from '@mikro-orm/core';

/** Quota amounts: signed 64-bit in MySQL, JS bigint in code (they exceed 2^53 when summed). */
export const quotaColumn = () => new BigIntType('bigint');
/** Counters that stay far below 2^53 (tokens, requests, latency sums): bigint column, JS number. */
export const counterColumn = () => new BigIntType('number');

/** Dates keep milliseconds. */
export const DATETIME = { type: 'datetime', length: 3 } as const;
export const now = () => new Date();
