import { it } from 'vitest';
import { expectApiTypesCurrent } from '@oc/web-ui/api-types-check';

it('src/api-types.ts is generated from docs/api/client-public.json', async () => {
  await expectApiTypesCurrent(
    'client-frontend',
    new URL('../../../docs/api/client-public.json', import.meta.url),
    new URL('./api-types.ts', import.meta.url),
  );
});
