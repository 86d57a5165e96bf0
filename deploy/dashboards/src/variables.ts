// Template variables: the Prometheus data source, and the namespace and pods a backend runs in.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE } from './panels.js';

/** The Prometheus data source; Grafana preselects its default one. */
export function datasource(): dashboard.DatasourceVariableBuilder {
  return new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus');
}

/** The backend a dashboard shows (the "application" tag every backend metric carries); hidden. */
export function application(name: string): dashboard.ConstantVariableBuilder {
  return new dashboard.ConstantVariableBuilder('application').value(name);
}

/** A namespace an application runs in, read from its metrics (one per environment in a cluster). */
export function namespace(variable: string, label: string, application: string): dashboard.QueryVariableBuilder {
  const expr = `label_values(process_uptime_seconds{application="${application}"}, namespace)`;
  return new dashboard.QueryVariableBuilder(variable)
    .label(label)
    .datasource(DATASOURCE)
    .query(expr)
    .definition(expr)
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .sort(dashboard.VariableSort.AlphabeticalAsc);
}

/** The pods of the shown application in the chosen namespace; all by default. */
export function pods(): dashboard.QueryVariableBuilder {
  const expr = 'label_values(process_uptime_seconds{application="$application", namespace="$namespace"}, pod)';
  return new dashboard.QueryVariableBuilder('pod')
    .label('Pod')
    .datasource(DATASOURCE)
    .query(expr)
    .definition(expr)
    .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
    .sort(dashboard.VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.+')
    .current({ selected: true, text: ['All'], value: ['$__all'] });
}
