import { createHash, createHmac } from 'node:crypto';

/**
 * TC3-HMAC-SHA256 for Tencent Cloud API 3.0 (https://cloud.tencent.com/document/api/1729/101843).
 * The signed headers are content-type, host and x-tc-action; the Content-Type is signed as
 * sent, so it must be exactly "application/json; charset=utf-8".
 */
export const HUNYUAN_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface Tc3Params {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  action: string;
  payload: string;
  timestamp: number;
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export function tc3Authorization(p: Tc3Params): string {
  const date = new Date(p.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonicalHeaders = `content-type:${HUNYUAN_CONTENT_TYPE}\nhost:${p.host}\nx-tc-action:${p.action.toLowerCase()}\n`;
  const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256hex(p.payload)}`;
  const scope = `${date}/${p.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${p.timestamp}\n${scope}\n${sha256hex(canonicalRequest)}`;
  const signing = hmac(hmac(hmac(`TC3${p.secretKey}`, date), p.service), 'tc3_request');
  const signature = createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${p.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
