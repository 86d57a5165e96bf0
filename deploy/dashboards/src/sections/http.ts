// RED per route: request rate, errors and duration from Spring Boot's http_server_requests_seconds histogram.
import { graph, query, THIRD, FULL, type Section } from '../panels.js';
import { API_REQUESTS, QUANTILES, quantile, rate } from './selector.js';

const count = (extra = '') => `http_server_requests_seconds_count{${API_REQUESTS}${extra}}`;
const ROUTE = '{{method}} {{uri}}';

export function requests(): Section {
  return {
    title: 'Requests per route (rate, errors, duration)',
    panels: [
      graph({
        title: 'Requests per second',
        description: 'Requests the backend answered, per route (URI template) and method.',
        unit: 'reqps',
        size: THIRD,
        queries: [query(`sum by (method, uri) (${rate(count())})`, ROUTE)],
      }),
      graph({
        title: 'Server errors (5xx) per second',
        description: 'Responses with a 5xx status, per route.',
        unit: 'reqps',
        size: THIRD,
        queries: [query(`sum by (method, uri) (${rate(count(', status=~"5.."'))})`, ROUTE)],
      }),
      graph({
        title: 'Server error ratio',
        description: 'Share of the requests of each route that ended with a 5xx status.',
        unit: 'percentunit',
        size: THIRD,
        min: 0,
        queries: [
          query(
            `sum by (method, uri) (${rate(count(', status=~"5.."'))}) / sum by (method, uri) (${rate(count())})`,
            ROUTE,
          ),
        ],
      }),
      ...QUANTILES.map(([q, name]) =>
        graph({
          title: `Duration ${name}`,
          description: `${name} of the time to answer, per route (from the histogram buckets).`,
          unit: 's',
          size: THIRD,
          queries: [
            query(quantile(q, `http_server_requests_seconds_bucket{${API_REQUESTS}}`, ['method', 'uri']), ROUTE),
          ],
        }),
      ),
      graph({
        title: 'Client errors (4xx) per second',
        description: 'Responses with a 4xx status, per status and route: 401/403 refusals, 404s, 429 rate limits.',
        unit: 'reqps',
        size: FULL,
        queries: [
          query(`sum by (status, method, uri) (${rate(count(', status=~"4.."'))})`, '{{status}} {{method}} {{uri}}'),
        ],
      }),
    ],
  };
}
