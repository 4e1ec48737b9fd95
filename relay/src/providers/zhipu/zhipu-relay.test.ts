import { CN_REPLY } from '@switchboard/test/mock-upstreams/cn-kit';
import { startMockZhipu, ZHIPU_TEST_KEY } from '@switchboard/test/mock-upstreams/zhipu/server';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

cnRelaySuite({
  type: 'zhipu',
  model: 'glm-4-plus',
  key: `${ZHIPU_TEST_KEY.id}.${ZHIPU_TEST_KEY.secret}`,
  start: () => startMockZhipu(),
  reply: CN_REPLY,
  embeddingModel: 'embedding-3',
  tools: true,
  badMessages: [],
  badMessageText: /messages 参数非法/,
});
