/**
 * Spark versions: each model is a WebSocket path plus a `domain` parameter
 * (https://www.xfyun.cn/doc/spark/Web.html). Both iFlytek's domain names and friendly names
 * are accepted as the model.
 */
export interface SparkRoute {
  path: string;
  domain: string;
}

const LITE = { path: '/v1.1/chat', domain: 'lite' };
const V2 = { path: '/v2.1/chat', domain: 'generalv2' };
const PRO = { path: '/v3.1/chat', domain: 'generalv3' };
const PRO_128K = { path: '/chat/pro-128k', domain: 'pro-128k' };
const MAX = { path: '/v3.5/chat', domain: 'generalv3.5' };
const MAX_32K = { path: '/chat/max-32k', domain: 'max-32k' };
const ULTRA = { path: '/v4.0/chat', domain: '4.0Ultra' };

const ROUTES: Record<string, SparkRoute> = {
  lite: LITE,
  general: LITE,
  'spark-lite': LITE,
  'spark-v1.5': LITE,
  generalv2: V2,
  'spark-v2.0': V2,
  generalv3: PRO,
  pro: PRO,
  'spark-pro': PRO,
  'spark-v3.0': PRO,
  'pro-128k': PRO_128K,
  'spark-pro-128k': PRO_128K,
  'generalv3.5': MAX,
  max: MAX,
  'spark-max': MAX,
  'spark-v3.5': MAX,
  'max-32k': MAX_32K,
  'spark-max-32k': MAX_32K,
  '4.0ultra': ULTRA,
  ultra: ULTRA,
  'spark-4.0-ultra': ULTRA,
  'spark-v4.0': ULTRA,
};

export function sparkRoute(model: string): SparkRoute | undefined {
  return ROUTES[model.toLowerCase()];
}
