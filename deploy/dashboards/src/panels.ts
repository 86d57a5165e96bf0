// Panel helpers: every panel queries the dashboard's Prometheus data source variable.
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** The data source every panel and query variable uses: the dashboard's "datasource" variable. */
export const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

/** One PromQL expression and the legend of its series (Grafana's {{label}} syntax). */
export interface Query {
  readonly expr: string;
  readonly legend: string;
}

export function query(expr: string, legend: string): Query {
  return { expr, legend };
}

export type Panel = timeseries.PanelBuilder | stat.PanelBuilder;

/** Grid width (of 24) and height of a panel. */
export interface Size {
  readonly width: number;
  readonly height?: number;
}

export const THIRD: Size = { width: 8 };
export const HALF: Size = { width: 12 };
export const QUARTER: Size = { width: 6, height: 5 };
export const FULL: Size = { width: 24 };

interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly queries: readonly Query[];
  readonly size: Size;
}

function targets(queries: readonly Query[], instant = false): DataqueryBuilder[] {
  return queries.map((q, i) => {
    const target = new DataqueryBuilder()
      .refId(String.fromCharCode(65 + i))
      .expr(q.expr)
      .legendFormat(q.legend);
    return instant ? target.instant() : target.range();
  });
}

/** A time series panel with a table legend (mean, max) and a shared, sorted tooltip. */
export function graph(spec: PanelSpec & { readonly min?: number }): timeseries.PanelBuilder {
  const panel = new timeseries.PanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .unit(spec.unit)
    .span(spec.size.width)
    .height(spec.size.height ?? 8)
    .fillOpacity(10)
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(common.LegendDisplayMode.Table)
        .placement(common.LegendPlacement.Bottom)
        .calcs(['mean', 'max']),
    )
    .tooltip(
      new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending),
    )
    .targets(targets(spec.queries));
  return spec.min === undefined ? panel : panel.min(spec.min);
}

/** Colour steps of a stat: the base colour, then each step from its value up. */
export type Steps = readonly dashboard.Threshold[];

export const GOOD_WHEN_ZERO: Steps = [
  { value: null, color: 'green' },
  { value: 1, color: 'red' },
];

/**
 * A single value (the last one) with a sparkline, coloured by its thresholds. "instant": one value at the end of the
 * time range and no sparkline, for expressions over the whole range ($__range).
 */
export function single(
  spec: PanelSpec & { readonly steps: Steps; readonly decimals?: number; readonly instant?: boolean },
): stat.PanelBuilder {
  const panel = new stat.PanelBuilder()
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .unit(spec.unit)
    .span(spec.size.width)
    .height(spec.size.height ?? 5)
    .graphMode(spec.instant ? common.BigValueGraphMode.None : common.BigValueGraphMode.Area)
    .colorMode(common.BigValueColorMode.Value)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .thresholds(new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps([...spec.steps]))
    .targets(targets(spec.queries, spec.instant));
  return spec.decimals === undefined ? panel : panel.decimals(spec.decimals);
}

/** A titled group of panels: one dashboard row. */
export interface Section {
  readonly title: string;
  readonly panels: readonly Panel[];
}
