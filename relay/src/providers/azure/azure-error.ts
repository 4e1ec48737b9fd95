import { UpstreamError } from '../contract.js';
import { mapOpenAIError } from '../openai/openai-error.js';
import { billingError, errorByStatus, isRecord, parseJson, scrub } from '../upstream-http.js';

/**
 * Azure OpenAI errors: OpenAI's `{"error":{…}}` envelope, but `code` is often the status as a
 * string ("401", "429") or an Azure name (DeploymentNotFound, content_filter), and account
 * problems come as 403s ("Out of call volume quota", disabled subscription) that OpenAI's
 * mapping would pass to the client. Those disable the key and fail over; the rest goes
 * through the OpenAI mapping.
 */
export function azureError(status: number, bodyText: string, key: string): UpstreamError {
  const body = parseJson(bodyText);
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : '';
  const detail = scrub(`azure ${status} ${code}: ${message || bodyText.slice(0, 300)}`, key);

  if (
    (status === 403 || status === 429) &&
    /out of call volume quota|quota exceeded|insufficient ?quota|subscription (?:is )?(?:disabled|suspended|not found)|billing/i.test(
      `${code} ${message}`,
    ) &&
    !/rate limit/i.test(message)
  )
    return new UpstreamError(billingError(status, detail));
  if (status === 401 || status === 403 || /^(?:PermissionDenied|AuthenticationTypeDisabled)$/.test(code))
    return new UpstreamError({ ...errorByStatus(401, '', detail), upstreamStatus: status });
  if (status === 404 && code === 'DeploymentNotFound')
    return new UpstreamError({
      ...errorByStatus(404, 'This channel has no deployment for the requested model.', detail),
      code: 'model_not_found',
      upstreamStatus: status,
    });
  const mapped = mapOpenAIError(status, bodyText);
  // Azure puts the status in `code` ("400"): not a useful code for the client.
  const numeric = mapped.info.code !== null && /^\d+$/.test(mapped.info.code);
  return new UpstreamError({
    ...mapped.info,
    code: numeric ? null : mapped.info.code,
    message: scrub(mapped.info.message, key),
    detail,
  });
}
