import { describe, expect, it } from 'vitest';
import { format } from '@oc/web-ui/i18n';
import { en } from './messages';

describe('provider messages', () => {
  it('are all non-empty and render without leftover placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(text.trim(), key).not.toBe('');
      const rendered = format(text, { count: 2, name: 'x', email: 'x', title: 'x', recipient: 'x', max: 1, days: 1, reason: 'x', type: 'x' });
      expect(rendered, key).not.toMatch(/[{}]/);
    }
  });
});
