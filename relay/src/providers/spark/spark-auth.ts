import { createHmac } from 'node:crypto';

/**
 * iFlytek's HMAC-signed WebSocket URL (https://www.xfyun.cn/doc/spark/general_url_authentication.html):
 * signature = base64(HMAC-SHA256(APISecret, "host: …\ndate: …\nGET <path> HTTP/1.1")),
 * authorization = base64('api_key="…", algorithm="hmac-sha256", headers="host date request-line", signature="…"'),
 * and the URL carries authorization, date (RFC 1123) and host as query parameters. The server
 * refuses a date more than 300 s off. The signed URL is a credential: never log it.
 */
export function signSparkUrl(
  baseUrl: string,
  path: string,
  apiKey: string,
  apiSecret: string,
  date: Date,
): string {
  const url = new URL(path, baseUrl);
  const host = url.host;
  const dateText = date.toUTCString();
  const origin = `host: ${host}\ndate: ${dateText}\nGET ${url.pathname} HTTP/1.1`;
  const signature = createHmac('sha256', apiSecret).update(origin).digest('base64');
  const authorization = Buffer.from(
    `api_key="${apiKey}", algorithm="hmac-sha256", headers="host date request-line", signature="${signature}"`,
  ).toString('base64');
  url.search = new URLSearchParams({ authorization, date: dateText, host }).toString();
  return url.toString();
}
