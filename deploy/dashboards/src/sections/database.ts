// The HikariCP connection pool of each pod.
import { graph, query, HALF, THIRD, type Section } from '../panels.js';
import { BACKEND, rate } from './selector.js';

export function database(): Section {
  return {
    title: 'Database connection pool',
    panels: [
      graph({
        title: 'Active connections',
        description: "Connections in use per pod, against the pool's maximum.",
        unit: 'short',
        size: THIRD,
        min: 0,
        queries: [
          query(`sum by (pod) (hikaricp_connections_active{${BACKEND}})`, '{{pod}} active'),
          query(`sum by (pod) (hikaricp_connections_max{${BACKEND}})`, '{{pod}} max'),
        ],
      }),
      graph({
        title: 'Idle connections',
        description: 'Open connections waiting for work, per pod.',
        unit: 'short',
        size: THIRD,
        min: 0,
        queries: [query(`sum by (pod) (hikaricp_connections_idle{${BACKEND}})`, '{{pod}}')],
      }),
      graph({
        title: 'Threads waiting for a connection',
        description:
          'Requests blocked on an exhausted pool, per pod; anything above zero for long means the pool is too small or queries too slow.',
        unit: 'short',
        size: THIRD,
        min: 0,
        queries: [query(`sum by (pod) (hikaricp_connections_pending{${BACKEND}})`, '{{pod}}')],
      }),
      graph({
        title: 'Connection acquire time (mean)',
        description: 'Mean time to get a connection from the pool, per pod.',
        unit: 's',
        size: HALF,
        min: 0,
        queries: [
          query(
            `sum by (pod) (${rate(`hikaricp_connections_acquire_seconds_sum{${BACKEND}}`)}) / sum by (pod) (${rate(`hikaricp_connections_acquire_seconds_count{${BACKEND}}`)})`,
            '{{pod}}',
          ),
        ],
      }),
      graph({
        title: 'Connection timeouts per second',
        description: 'Requests that gave up waiting for a connection, per pod.',
        unit: 'ops',
        size: HALF,
        min: 0,
        queries: [query(`sum by (pod) (${rate(`hikaricp_connections_timeout_total{${BACKEND}}`)})`, '{{pod}}')],
      }),
    ],
  };
}
