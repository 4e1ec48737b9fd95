import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import type { Locale } from './config';
import type { Messages } from './translate';

export const MESSAGES: Record<Locale, Messages> = { en, zh };
