/**
 * Upper bounds of what OpenAI bills for images and files in a prompt, by model, following its
 * vision pricing ("Calculating costs" in the images-and-vision guide):
 * - tile models: `base + 170-ish per 512 px tile` after the image is fitted into 2048×2048
 *   and its shortest side brought down to 768 px — at most 4 × 2 = 8 tiles; `detail: low`
 *   bills the base alone. gpt-4o-mini uses the same tiles at ~33× the tokens (2833 + 5667 a
 *   tile: same dollar price as gpt-4o at its lower token price), up to 48,169 per image.
 * - patch models (gpt-4.1-mini/nano, gpt-5-mini/nano, o4-mini): 32 px patches capped at 1536,
 *   times a per-model multiplier; `detail` makes no difference.
 * The image's size is not in the request, so the bound is the largest image the model takes.
 */

export interface ImageCost {
  /** `detail: "low"`. */
  low: number;
  /** `high`, `auto` or none. */
  high: number;
}

const MAX_TILES = 8;
const MAX_PATCHES = 1536;
const tiles = (base: number, tile: number): ImageCost => ({ low: base, high: base + MAX_TILES * tile });
const patches = (multiplier: number): ImageCost => {
  const t = Math.ceil(MAX_PATCHES * multiplier);
  return { low: t, high: t };
};

/** By model-name prefix; the longest matching prefix wins (`gpt-4o-mini` before `gpt-4o`). */
const IMAGE_COSTS: ReadonlyArray<[string, ImageCost]> = (
  [
    ['gpt-4o-mini', tiles(2833, 5667)],
    ['gpt-4o', tiles(85, 170)],
    ['gpt-4.1-mini', patches(1.62)],
    ['gpt-4.1-nano', patches(2.46)],
    ['gpt-4.1', tiles(85, 170)],
    ['gpt-4.5', tiles(85, 170)],
    ['gpt-4-turbo', tiles(85, 170)],
    ['gpt-5-mini', patches(1.62)],
    ['gpt-5-nano', patches(2.46)],
    ['o4-mini', patches(1.72)],
    ['codex-mini', patches(1.72)],
    ['o1', tiles(75, 150)],
    ['o3', tiles(75, 150)],
  ] as Array<[string, ImageCost]>
).sort((a, b) => b[0].length - a[0].length);

/**
 * Any other model: above every documented bound except gpt-4o-mini's (tile models ≤ 1,445;
 * patch models ≤ 3,779; 2,500 patches × 1.2 = 3,000 for the larger-patch models).
 */
const OTHER_MODEL_IMAGE: ImageCost = { low: 4_000, high: 4_000 };

export function imageCost(model: string): ImageCost {
  const name = model.toLowerCase().slice(model.lastIndexOf('/') + 1);
  for (const [prefix, cost] of IMAGE_COSTS) if (name.startsWith(prefix)) return cost;
  return OTHER_MODEL_IMAGE;
}

/**
 * Files (PDFs): OpenAI bills each page's extracted text plus an image of the page, and takes
 * at most 100 pages per request across all files. A request with any file part is bounded by
 * 100 pages of (dense page text + the model's largest image); inline file bytes count as text
 * on top (the prompt walk counts every string byte). A non-PDF file sent by id (plain text
 * extracted into the context) is bounded only by this allowance.
 */
const FILE_PAGES_PER_REQUEST = 100;
const PAGE_TEXT_TOKENS = 1_500;

export function filesBound(model: string): number {
  return FILE_PAGES_PER_REQUEST * (PAGE_TEXT_TOKENS + imageCost(model).high);
}
