/**
 * ERNIE's rules for `messages` (documented on the chat API page): a non-empty list with an odd
 * number of turns; odd positions (1st, 3rd, …) are user turns or function results (`function`,
 * with the function's `name`), even ones assistant turns; the system prompt goes in the
 * separate `system` field. Baidu answers a violation with error_code 336006 / 336003.
 */
export function checkBaiduMessages(
  body: Record<string, unknown>,
): { error_code: number; error_msg: string } | null {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    return { error_code: 336003, error_msg: 'messages is empty' };
  if (messages.length % 2 === 0)
    return { error_code: 336006, error_msg: 'the length of messages must be an odd number' };
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as Record<string, unknown>;
    const want = i % 2 === 0 ? ['user', 'function'] : ['assistant'];
    if (!want.includes(String(m.role)))
      return {
        error_code: 336006,
        error_msg: `the role of message with ${i % 2 === 0 ? 'odd' : 'even'} index in the messages must be ${want.join(' or ')}`,
      };
    if (typeof m.content !== 'string')
      return { error_code: 336003, error_msg: 'message content must be a string' };
    if (m.role === 'function' && typeof m.name !== 'string')
      return { error_code: 336003, error_msg: 'the name of function message is required' };
  }
  if (
    body.temperature !== undefined &&
    (typeof body.temperature !== 'number' || body.temperature <= 0 || body.temperature > 1)
  )
    return { error_code: 336003, error_msg: 'temperature range is (0, 1.0]' };
  return null;
}
