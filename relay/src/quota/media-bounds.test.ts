import { describe, expect, it } from 'vitest';
import { promptUpperBound } from './price-request.js';

/**
 * What OpenAI bills for one image, by its vision guide ("Calculating costs"): tile models fit
 * the image into 2048×2048, bring its shortest side down to 768 and bill base + per 512 px
 * tile (low detail: the base); patch models bill 32 px patches (at most 1536, the image
 * scaled down to fit) times a multiplier.
 */
function openAiImageTokens(model: string, width: number, height: number, detail: 'low' | 'high'): number {
  const tileModels: Record<string, [number, number]> = {
    'gpt-4o-mini': [2833, 5667],
    'gpt-4o': [85, 170],
    o1: [75, 150],
  };
  const patchModels: Record<string, number> = { 'gpt-4.1-mini': 1.62, 'gpt-4.1-nano': 2.46, 'o4-mini': 1.72 };
  const tile = tileModels[model];
  if (tile) {
    const [base, perTile] = tile;
    if (detail === 'low') return base;
    let [w, h] = [width, height];
    if (w > 2048 || h > 2048) [w, h] = [(w * 2048) / Math.max(w, h), (h * 2048) / Math.max(w, h)];
    if (Math.min(w, h) > 768) [w, h] = [(w * 768) / Math.min(w, h), (h * 768) / Math.min(w, h)];
    return base + perTile * Math.ceil(w / 512) * Math.ceil(h / 512);
  }
  let patches = Math.ceil(width / 32) * Math.ceil(height / 32);
  if (patches > 1536) {
    const shrink = Math.sqrt((1536 * 32 * 32) / (width * height));
    patches = Math.min(1536, Math.ceil((width * shrink) / 32) * Math.ceil((height * shrink) / 32));
  }
  return Math.ceil(patches * (patchModels[model] ?? 1));
}

const png = `data:image/png;base64,${'iVBORw0KGgo'.repeat(10)}`;
const chat = (model: string, detail?: 'low' | 'high', images = 1) => ({
  model,
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in these images?' },
        ...Array.from({ length: images }, () => ({ type: 'image_url', image_url: { url: png, detail } })),
      ],
    },
  ],
});
const responses = (model: string, part: Record<string, unknown>) => ({
  model,
  input: [{ role: 'user', content: [{ type: 'input_text', text: 'Summarize.' }, part] }],
});

describe('image bounds', () => {
  // Sizes from OpenAI's examples and the largest tile/patch counts a model bills.
  const sizes: Array<[number, number]> = [
    [1024, 1024],
    [2048, 4096],
    [768, 2048],
    [4096, 1536],
    [1800, 2400],
    [512, 512],
  ];

  it('matches OpenAI’s documented examples', () => {
    expect(openAiImageTokens('gpt-4o', 1024, 1024, 'high')).toBe(765);
    expect(openAiImageTokens('gpt-4o', 2048, 4096, 'high')).toBe(1105);
    expect(openAiImageTokens('gpt-4.1-mini', 1024, 1024, 'high')).toBe(Math.ceil(1024 * 1.62));
  });

  it('is at least what OpenAI bills for any size, per model and detail', () => {
    for (const model of [
      'gpt-4o-mini',
      'gpt-4o-mini-2024-07-18',
      'gpt-4o',
      'o1',
      'gpt-4.1-mini',
      'o4-mini',
    ]) {
      const base = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
      for (const detail of ['low', 'high'] as const) {
        const worst = Math.max(...sizes.map(([w, h]) => openAiImageTokens(base, w, h, detail)));
        for (const images of [1, 3]) {
          const text = promptUpperBound(chat(model, undefined, 0));
          const bound = promptUpperBound(chat(model, detail === 'low' ? 'low' : undefined, images));
          expect(bound - text, `${model} ${detail} ×${images}`).toBeGreaterThanOrEqual(worst * images);
        }
      }
    }
    // A high-detail 2048×4096 image on gpt-4o-mini: ~37k tokens, not the 1,600 once assumed.
    expect(openAiImageTokens('gpt-4o-mini', 2048, 4096, 'high')).toBe(36_835);
    expect(promptUpperBound(chat('gpt-4o-mini', 'high'))).toBeGreaterThan(36_835);
  });

  it('Responses input_image (URL or file id) gets the same bound', () => {
    const worst = openAiImageTokens('gpt-4o-mini', 768, 2048, 'high');
    for (const part of [
      { type: 'input_image', image_url: 'https://example.com/a.png' },
      { type: 'input_image', file_id: 'file-abc', detail: 'high' },
      { type: 'input_image', image_url: png, detail: 'auto' },
    ])
      expect(promptUpperBound(responses('gpt-4o-mini', part))).toBeGreaterThanOrEqual(worst);
  });

  it('an unknown model still gets more than any documented non-mini image', () => {
    const text = promptUpperBound(chat('some-vision-model', undefined, 0));
    expect(promptUpperBound(chat('some-vision-model')) - text).toBeGreaterThanOrEqual(Math.ceil(1536 * 2.46));
  });
});

describe('file bounds', () => {
  // A 100-page PDF (the most a request may carry) of dense letter pages rendered at 150 dpi
  // (1275×1650): each page bills its text and an image of the page.
  const pdfTokens = (model: string, pages: number, textPerPage: number) =>
    pages * (textPerPage + openAiImageTokens(model, 1275, 1650, 'high'));

  it('input_file by id, URL or inline data and chat file parts are bounded above a full PDF', () => {
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'o4-mini']) {
      const billed = pdfTokens(model, 100, 1_000);
      for (const part of [
        { type: 'input_file', file_id: 'file-abc' },
        { type: 'input_file', file_url: 'https://example.com/report.pdf' },
        { type: 'input_file', filename: 'r.pdf', file_data: 'data:application/pdf;base64,JVBERi0xLjQK' },
      ])
        expect(promptUpperBound(responses(model, part)), model).toBeGreaterThanOrEqual(billed);
      const chatFile = {
        model,
        messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }],
      };
      expect(promptUpperBound(chatFile)).toBeGreaterThanOrEqual(billed);
    }
  });

  it('inline file bytes count on top of the page allowance', () => {
    const data = `data:application/pdf;base64,${'A'.repeat(200_000)}`;
    const small = promptUpperBound(responses('gpt-4o', { type: 'input_file', file_data: 'data:,' }));
    const large = promptUpperBound(responses('gpt-4o', { type: 'input_file', file_data: data }));
    expect(large - small).toBeGreaterThanOrEqual(200_000);
  });
});
