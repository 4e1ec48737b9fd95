/**
 * Lua scripts for quota, run with EVALSHA (ioredis defineCommand). Every key of one call
 * shares the user's `{sN}` hash tag, so they work on Redis Cluster. Quota amounts stay
 * strings into DECRBY/INCRBY (64-bit exact); Lua only looks at the sign of results.
 */

/**
 * Reserve: rate limits first (nothing changes when refused), then the token's and the user's
 * balance, all or nothing. An admitted request also gets its reservation marker (value: the
 * amount), which SETTLE_LUA consumes; a refused one never has a marker.
 * KEYS: userQuota, tokenQuota, user rpm, user tpm, token rpm, token tpm, reservation marker
 * ARGV: amount, limitedToken (0/1), userRpm, userTpm, tokenRpm, tokenTpm, windowMs, markerTtlMs
 * Returns {code, a, b}: 1 ok {1, remainingRequests, resetMs}; -1 user balance missing;
 * -2 token balance missing; -3 user balance short; -4 token balance short;
 * -5 user rpm, -6 user tpm, -7 token rpm, -8 token tpm {code, limit, resetMs}.
 */
export const RESERVE_LUA = `
local limits = { tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]) }
local rlKeys = { KEYS[3], KEYS[4], KEYS[5], KEYS[6] }
local codes = { -5, -6, -7, -8 }
for i = 1, 4 do
  if limits[i] > 0 then
    local used = tonumber(redis.call('GET', rlKeys[i]) or '0')
    if used >= limits[i] then
      local ttl = redis.call('PTTL', rlKeys[i])
      if ttl < 0 then ttl = tonumber(ARGV[7]) end
      return { codes[i], limits[i], ttl }
    end
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then return { -1, 0, 0 } end
local limited = ARGV[2] == '1'
if limited and redis.call('EXISTS', KEYS[2]) == 0 then return { -2, 0, 0 } end
local amount = ARGV[1]
if limited then
  local t = redis.call('DECRBY', KEYS[2], amount)
  if t < 0 or (t == 0 and amount == '0') then
    redis.call('INCRBY', KEYS[2], amount)
    return { -4, 0, 0 }
  end
end
local u = redis.call('DECRBY', KEYS[1], amount)
if u < 0 or (u == 0 and amount == '0') then
  redis.call('INCRBY', KEYS[1], amount)
  if limited then redis.call('INCRBY', KEYS[2], amount) end
  return { -3, 0, 0 }
end
redis.call('SET', KEYS[7], amount, 'PX', ARGV[8])
local remaining = -1
local reset = 0
for _, i in ipairs({ 3, 1 }) do
  if limits[i] > 0 then
    local n = redis.call('INCR', rlKeys[i])
    local ttl = redis.call('PTTL', rlKeys[i])
    if ttl < 0 then
      redis.call('PEXPIRE', rlKeys[i], ARGV[7])
      ttl = tonumber(ARGV[7])
    end
    if remaining < 0 then
      remaining = limits[i] - n
      reset = ttl
    end
  end
end
return { 1, remaining, reset }`;

/**
 * Settle: apply (actual − reserved) to the balances and append the usage record to the
 * shard's stream in the same script, so the record is durable exactly when the balance
 * changes. Also counts tokens for the tpm windows.
 * Idempotent: it applies only when it deletes the request's reservation marker. A second run
 * (settle's retry, or ioredis' resend, of a call whose reply was lost after Redis applied it)
 * finds no marker and changes nothing — no second delta, no second stream entry.
 * KEYS: userQuota, tokenQuota, usageStream, user tpm, token tpm, tokenUsed, reservation marker
 * ARGV: delta, limitedToken (0/1), record JSON, tokens, userTpm on (0/1), tokenTpm on (0/1),
 *       windowMs, actual quota
 * Returns the stream entry id, or nil when the settlement had already been applied.
 */
export const SETTLE_LUA = `
if redis.call('DEL', KEYS[7]) == 0 then return false end
local delta = ARGV[1]
if delta ~= '0' then
  redis.call('DECRBY', KEYS[1], delta)
  if ARGV[2] == '1' then redis.call('DECRBY', KEYS[2], delta) end
end
local tokens = tonumber(ARGV[4])
if tokens > 0 then
  for i, on in ipairs({ ARGV[5], ARGV[6] }) do
    if on == '1' then
      local k = KEYS[3 + i]
      redis.call('INCRBY', k, tokens)
      if redis.call('PTTL', k) < 0 then redis.call('PEXPIRE', k, ARGV[7]) end
    end
  end
end
if ARGV[8] ~= '0' then redis.call('INCRBY', KEYS[6], ARGV[8]) end
return redis.call('XADD', KEYS[3], '*', 'r', ARGV[3])`;
