// Both backends side by side: availability, traffic, errors, latency, and the health of the delivery outbox.
import { assemble } from './layout.js';
import { graph, query, single, QUARTER, THIRD, HALF, type Query, type Section } from './panels.js';
import { perMinute, quantile, rate } from './sections/selector.js';
import * as variables from './variables.js';
import { outboxHealth } from './sections/delivery.js';

interface Backend {
  readonly application: string;
  readonly label: string;
  /** Label matchers of its metrics. */
  readonly selector: string;
  /** Label matchers of its scrape targets (Prometheus' own "up" series carry the Service as job, no application). */
  readonly targets: string;
}

function site(application: string, label: string, namespaceVariable: string): Backend {
  return {
    application,
    label,
    selector: `application="${application}", namespace="$${namespaceVariable}"`,
    targets: `job="${application}", namespace="$${namespaceVariable}"`,
  };
}

const PROVIDER = site('provider-backend', 'Provider', 'provider_namespace');
const CLIENT = site('client-backend', 'Client', 'client_namespace');
const BOTH = [PROVIDER, CLIENT];

const api = (b: Backend, extra = '') => `http_server_requests_seconds_count{${b.selector}, uri!~"/actuator.*"${extra}}`;

function perBackend(expr: (b: Backend) => string, legend: (b: Backend) => string = (b) => b.label): Query[] {
  return BOTH.map((b) => query(expr(b), legend(b)));
}

function availability(): Section {
  return {
    title: 'Availability',
    panels: [
      ...BOTH.map((b) =>
        single({
          title: `${b.label} backend pods up`,
          description: `Scrape targets of the ${b.application} Service that answer (Prometheus "up").`,
          unit: 'short',
          size: QUARTER,
          steps: [
            { value: null, color: 'red' },
            { value: 1, color: 'orange' },
            { value: 2, color: 'green' },
          ],
          queries: [query(`sum(up{${b.targets}})`, 'up')],
        }),
      ),
      ...BOTH.map((b) =>
        single({
          title: `${b.label} requests without server error`,
          description: `Share of the ${b.application}'s requests over the whole time range that did not end with a 5xx status.`,
          unit: 'percentunit',
          size: QUARTER,
          decimals: 3,
          instant: true,
          steps: [
            { value: null, color: 'red' },
            { value: 0.99, color: 'orange' },
            { value: 0.999, color: 'green' },
          ],
          queries: [
            query(
              `1 - (sum(increase(${api(b, ', status=~"5.."')}[$__range])) or vector(0)) / sum(increase(${api(b)}[$__range]))`,
              'ratio',
            ),
          ],
        }),
      ),
    ],
  };
}

function traffic(): Section {
  return {
    title: 'Traffic, errors, latency',
    panels: [
      graph({
        title: 'Requests per second',
        description: 'API requests each backend answered.',
        unit: 'reqps',
        size: THIRD,
        min: 0,
        queries: perBackend((b) => `sum(${rate(api(b))})`),
      }),
      graph({
        title: 'Server error ratio',
        description: "Share of each backend's requests that ended with a 5xx status.",
        unit: 'percentunit',
        size: THIRD,
        min: 0,
        queries: perBackend((b) => `sum(${rate(api(b, ', status=~"5.."'))}) / sum(${rate(api(b))})`),
      }),
      graph({
        title: 'Latency p95 and p99',
        description: 'Time to answer over all routes of each backend.',
        unit: 's',
        size: THIRD,
        min: 0,
        queries: [0.95, 0.99].flatMap((q) =>
          perBackend(
            (b) => quantile(q, `http_server_requests_seconds_bucket{${b.selector}, uri!~"/actuator.*"}`),
            (b) => `${b.label} p${Math.round(q * 100)}`,
          ),
        ),
      }),
    ],
  };
}

function delivery(): Section {
  const provider = PROVIDER.selector;
  return {
    title: 'Delivery from provider to client',
    panels: [
      ...outboxHealth(provider),
      graph({
        title: 'Deliveries by outcome',
        description: 'Delivery attempts per minute: delivered, retried, failed.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_deliveries_total{${provider}}`, ['outcome']), '{{outcome}}')],
      }),
      graph({
        title: 'Unlocks by outcome',
        description: 'What recipients do with delivered shares on the client site, per minute.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_client_unlock_total{${CLIENT.selector}}`, ['outcome']), '{{outcome}}')],
      }),
    ],
  };
}

export function platformOverview() {
  return assemble({
    uid: 'oc-platform-overview',
    title: 'OC Platform / Overview',
    description: 'Both backends of one environment: availability, traffic, errors, latency and the delivery outbox.',
    variables: [
      variables.datasource(),
      variables.namespace('provider_namespace', 'Provider namespace', PROVIDER.application),
      variables.namespace('client_namespace', 'Client namespace', CLIENT.application),
    ],
    sections: [availability(), traffic(), delivery()],
  });
}
