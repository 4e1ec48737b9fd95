import { CN_REPLY } from '@switchboard/test/mock-upstreams/cn-kit';
import { QWEN_TEST_KEY, startMockQwen } from '@switchboard/test/mock-upstreams/qwen/server';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

cnRelaySuite({
  type: 'qwen',
  model: 'qwen-plus',
  key: QWEN_TEST_KEY,
  start: () => startMockQwen(),
  reply: CN_REPLY,
  embeddingModel: 'text-embedding-v3',
  tools: true,
  badMessages: [],
  badMessageText: /messages is missing/,
});
