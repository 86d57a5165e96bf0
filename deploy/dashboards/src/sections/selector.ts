/** Label matchers of the backend a dashboard shows, from its variables. */
export const BACKEND = 'application="$application", namespace="$namespace", pod=~"$pod"';

/** Requests to the API, without the management port's actuator endpoints. */
export const API_REQUESTS = `${BACKEND}, uri!~"/actuator.*"`;

/** Per-second rate over Grafana's rate interval (at least four scrapes). */
export function rate(series: string): string {
  return `rate(${series}[$__rate_interval])`;
}

/** A quantile of a Prometheus histogram, grouped by the given labels. */
export function quantile(q: number, bucket: string, by: readonly string[] = []): string {
  return `histogram_quantile(${q}, sum by (${[...by, 'le'].join(', ')}) (${rate(bucket)}))`;
}

export const QUANTILES: readonly (readonly [number, string])[] = [
  [0.5, 'p50'],
  [0.95, 'p95'],
  [0.99, 'p99'],
];

/** Label matchers of a database-wide gauge: every pod reports the same value, so no pod filter (take the max). */
export const DATABASE_WIDE = 'application="$application", namespace="$namespace"';

/** Events per minute (domain events are rare: per-second rates would read 0.01). */
export function perMinute(series: string, by: readonly string[] = []): string {
  const grouping = by.length === 0 ? '' : ` by (${by.join(', ')})`;
  return `sum${grouping} (${rate(series)}) * 60`;
}
