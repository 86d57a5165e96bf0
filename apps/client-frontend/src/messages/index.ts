import type { Language } from '@oc/web-ui/i18n';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';

/**
 * Every string of the client app, one file per language in ICU MessageFormat. English defines the
 * keys; a language that lacks one or has one too many does not compile (see `Messages`).
 */
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export const catalogs: Record<Language, Messages> = { de, fr, it, en };
