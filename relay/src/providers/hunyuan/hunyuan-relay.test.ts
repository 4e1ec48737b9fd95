import { CN_REPLY } from '@switchboard/test/mock-upstreams/cn-kit';
import { HUNYUAN_TEST_KEY, startMockHunyuan } from '@switchboard/test/mock-upstreams/hunyuan/server';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

cnRelaySuite({
  type: 'hunyuan',
  model: 'hunyuan-turbo',
  key: `${HUNYUAN_TEST_KEY.secretId}|${HUNYUAN_TEST_KEY.secretKey}`,
  start: () => startMockHunyuan(),
  reply: CN_REPLY,
  config: { region: 'ap-guangzhou' },
  embeddingModel: 'hunyuan-embedding',
  tools: true,
  badMessages: [],
  badMessageText: /`Messages` is missing/,
});
