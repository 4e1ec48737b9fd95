/**
 * Lua scripts for quota, run with EVALSHA (ioredis defineCommand). Every key of one call
 * shares the user's `{sN}` hash tag, so they work on Redis Cluster. Quota amounts stay
 * strings into DECRBY/INCRBY (64-bit exact); Lua only looks at the sign of results.
 */

/** Redis server time in ms (the clock the windows' expiries run on). */
const NOW_MS = `local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end`;

/**
 * Reserve: rate limits first (nothing changes when refused), then the token's and the user's
 * balance, all or nothing. An admitted request also gets its reservation marker (value: the
 * amount), which SETTLE_LUA consumes; a refused one never has a marker.
 * A request costs 1 in the rpm windows and its token bound (prompt bound + output bound) in
 * the tpm windows, counted at once, so concurrent requests see each other's bounds; settle
 * replaces the bound with the actual tokens. Refused when used + cost > limit — except in an
 * empty window, which admits one request whatever its bound, so a tpm limit below a single
 * request's bound slows the key to one request a window instead of locking it out.
 * KEYS: userQuota, tokenQuota, user rpm, user tpm, token rpm, token tpm, reservation marker
 * ARGV: amount, limitedToken (0/1), userRpm, userTpm, tokenRpm, tokenTpm, windowMs, markerTtlMs,
 *       tokenBound
 * Returns {1, reqLimit, reqRemaining, reqResetMs, tokLimit, tokRemaining, tokResetMs,
 * userTpmWindowEnd, tokenTpmWindowEnd}: for each kind the window with the least remaining
 * (limit 0: no limit of that kind), and the Redis time (ms) each tpm window ends at, for
 * settle. Refused: -1 user balance missing; -2 token balance missing; -3 user balance short;
 * -4 token balance short; -5 user rpm, -6 user tpm, -7 token rpm, -8 token tpm
 * {code, limit, resetMs, used}.
 */
export const RESERVE_LUA = `${NOW_MS}
local limits = { tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]) }
local rlKeys = { KEYS[3], KEYS[4], KEYS[5], KEYS[6] }
local codes = { -5, -6, -7, -8 }
local window = tonumber(ARGV[7])
local costs = { 1, tonumber(ARGV[9]), 1, tonumber(ARGV[9]) }
for i = 1, 4 do
  if limits[i] > 0 then
    local used = tonumber(redis.call('GET', rlKeys[i]) or '0')
    if used > 0 and used + costs[i] > limits[i] then
      local ttl = redis.call('PTTL', rlKeys[i])
      if ttl < 0 then ttl = window end
      return { codes[i], limits[i], ttl, used }
    end
  end
end
if redis.call('EXISTS', KEYS[1]) == 0 then return { -1, 0, 0, 0 } end
local limited = ARGV[2] == '1'
if limited and redis.call('EXISTS', KEYS[2]) == 0 then return { -2, 0, 0, 0 } end
local amount = ARGV[1]
if limited then
  local t = redis.call('DECRBY', KEYS[2], amount)
  if t < 0 or (t == 0 and amount == '0') then
    redis.call('INCRBY', KEYS[2], amount)
    return { -4, 0, 0, 0 }
  end
end
local u = redis.call('DECRBY', KEYS[1], amount)
if u < 0 or (u == 0 and amount == '0') then
  redis.call('INCRBY', KEYS[1], amount)
  if limited then redis.call('INCRBY', KEYS[2], amount) end
  return { -3, 0, 0, 0 }
end
redis.call('SET', KEYS[7], amount, 'PX', ARGV[8])
local reply = { 1, 0, 0, 0, 0, 0, 0, 0, 0 }
local now = nil
-- Token scope first: on a tie its window is the one reported.
for _, i in ipairs({ 3, 1, 4, 2 }) do
  if limits[i] > 0 then
    local n = redis.call('INCRBY', rlKeys[i], costs[i])
    local ttl = redis.call('PTTL', rlKeys[i])
    if ttl < 0 then
      redis.call('PEXPIRE', rlKeys[i], window)
      ttl = window
    end
    local at = (i % 2 == 1) and 2 or 5
    local remaining = limits[i] - n
    if reply[at] == 0 or remaining < reply[at + 1] then
      reply[at] = limits[i]
      reply[at + 1] = remaining
      reply[at + 2] = ttl
    end
    if i % 2 == 0 then
      now = now or nowMs()
      reply[i == 2 and 8 or 9] = now + ttl
    end
  end
end
return reply`;

/**
 * Settle: apply (actual − reserved) to the balances and append the usage record to the
 * shard's stream in the same script, so the record is durable exactly when the balance
 * changes. In each tpm window the reservation's token bound is replaced by the actual tokens
 * (actual − bound) while the window it was counted in lives; once that window has ended the
 * bound went with it, and the actual tokens count in the current one.
 * A Responses reply also leaves its context size (input + output tokens, what a follow-up
 * naming it is billed as input on top of its own) for the follow-up's reservation.
 * Idempotent: it applies only when it deletes the request's reservation marker. A second run
 * (settle's retry, or ioredis' resend, of a call whose reply was lost after Redis applied it)
 * finds no marker and changes nothing — no second delta, no second stream entry.
 * KEYS: userQuota, tokenQuota, usageStream, user tpm, token tpm, tokenUsed, reservation marker,
 *       response context (of this reply; a placeholder in the shard when there is none)
 * ARGV: delta, limitedToken (0/1), record JSON, tokens, userTpm on (0/1), tokenTpm on (0/1),
 *       windowMs, actual quota, tokenBound, userTpmWindowEnd, tokenTpmWindowEnd,
 *       context tokens (0: none to store), context ttl s
 * Returns the stream entry id, or nil when the settlement had already been applied.
 */
export const SETTLE_LUA = `${NOW_MS}
if redis.call('DEL', KEYS[7]) == 0 then return false end
local delta = ARGV[1]
if delta ~= '0' then
  redis.call('DECRBY', KEYS[1], delta)
  if ARGV[2] == '1' then redis.call('DECRBY', KEYS[2], delta) end
end
local tokens = tonumber(ARGV[4])
local bound = tonumber(ARGV[9])
local now = nil
for i, on in ipairs({ ARGV[5], ARGV[6] }) do
  if on == '1' then
    local k = KEYS[3 + i]
    now = now or nowMs()
    local change = tokens
    -- A key expires once the time is past its expiry: until then it is the reserving window.
    if now <= tonumber(ARGV[9 + i]) then change = tokens - bound end
    if change ~= 0 then
      local n = redis.call('INCRBY', k, change)
      if n < 0 then redis.call('INCRBY', k, -n) end
      if redis.call('PTTL', k) < 0 then redis.call('PEXPIRE', k, ARGV[7]) end
    end
  end
end
if ARGV[8] ~= '0' then redis.call('INCRBY', KEYS[6], ARGV[8]) end
if ARGV[12] ~= '0' then redis.call('SET', KEYS[8], ARGV[12], 'EX', ARGV[13]) end
return redis.call('XADD', KEYS[3], '*', 'r', ARGV[3])`;
