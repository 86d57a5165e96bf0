// Every dashboard, by the name of its file in the oc-platform chart (files/dashboards/<name>.json).
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { clientBackend, providerBackend } from './backends.js';
import { platformOverview } from './platform.js';

export const DASHBOARDS: Readonly<Record<string, () => dashboard.DashboardBuilder>> = {
  'provider-backend': providerBackend,
  'client-backend': clientBackend,
  'platform-overview': platformOverview,
};

/** The JSON Grafana loads: two-space indented, with a final newline. */
export function render(build: () => dashboard.DashboardBuilder): string {
  return `${JSON.stringify(build().build(), null, 2)}\n`;
}
