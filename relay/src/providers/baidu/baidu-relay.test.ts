import { CN_REPLY } from '@switchboard/test/mock-upstreams/cn-kit';
import { BAIDU_TEST_KEY, startMockBaidu } from '@switchboard/test/mock-upstreams/baidu/server';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

cnRelaySuite({
  type: 'baidu',
  model: 'ernie-4.0-8k',
  key: `${BAIDU_TEST_KEY.apiKey}|${BAIDU_TEST_KEY.secretKey}`,
  start: () => startMockBaidu(),
  reply: CN_REPLY,
  embeddingModel: 'embedding-v1',
  tools: true,
  // ERNIE wants the first turn from the user.
  badMessages: [{ role: 'assistant', content: 'x' }],
  badMessageText: /odd index/,
});
