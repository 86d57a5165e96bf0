// Puts variables and sections (rows of panels) into a dashboard, numbering the panels in order.
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type { Section } from './panels.js';

/** Every dashboard of the platform carries this tag; the dashboards link to each other through it. */
export const TAG = 'oc-platform';

export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly variables: readonly cog.Builder<dashboard.VariableModel>[];
  readonly sections: readonly Section[];
}

export function assemble(spec: DashboardSpec): dashboard.DashboardBuilder {
  const builder = new dashboard.DashboardBuilder(spec.title)
    .uid(spec.uid)
    .description(spec.description)
    .tags([TAG])
    .time({ from: 'now-6h', to: 'now' })
    .refresh('1m')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .link(
      new dashboard.DashboardLinkBuilder('OC Platform')
        .type(dashboard.DashboardLinkType.Dashboards)
        .tags([TAG])
        .asDropdown(true)
        .includeVars(false)
        .keepTime(true),
    );
  spec.variables.forEach((v) => builder.withVariable(v));
  let id = 1;
  for (const section of spec.sections) {
    builder.withRow(new dashboard.RowBuilder(section.title).id(id++));
    section.panels.forEach((panel) => builder.withPanel(panel.id(id++)));
  }
  return builder;
}
