import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAV } from '@/config/nav';
import { pickLocale } from './config';
import { MESSAGES } from './messages';
import { flattenKeys, translate } from './translate';

const en = flattenKeys(MESSAGES.en).sort();
const zh = flattenKeys(MESSAGES.zh).sort();
const web = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', '.next', 'generated'].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('have no empty strings and the same {placeholders} in both languages', () => {
    for (const key of en) {
      const a = translate(MESSAGES.en, key);
      const b = translate(MESSAGES.zh, key);
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(b), key).toEqual(vars(a));
    }
  });

  it('contain every literal key the code passes to t() and every nav label', () => {
    const used = new Set<string>(NAV.map((n) => n.label));
    for (const file of sources(web)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !en.includes(k))).toEqual([]);
  });
});

describe('pickLocale', () => {
  it('prefers the cookie, then Accept-Language by q-value', () => {
    expect(pickLocale('en', 'zh-CN,zh;q=0.9')).toBe('en');
    expect(pickLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(pickLocale(undefined, 'en-US,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(pickLocale(undefined, 'fr;q=1,zh-TW;q=0.5')).toBe('zh');
    expect(pickLocale(undefined, 'de,fr')).toBe('en');
    expect(pickLocale('xx', null)).toBe('en');
  });

  it('fills placeholders and leaves a missing key visible', () => {
    expect(translate(MESSAGES.en, 'common.selected', { count: 3 })).toBe('3 selected');
    expect(translate(MESSAGES.zh, 'common.selected', { count: 3 })).toBe('已选 3 项');
    expect(translate(MESSAGES.en, 'no.such.key')).toBe('no.such.key');
  });
});
