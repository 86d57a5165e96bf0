// Provider backend: the outbox that delivers shares to the client site, and the mails it sends.
import { graph, query, single, GOOD_WHEN_ZERO, HALF, THIRD, type Panel, type Section } from '../panels.js';
import { BACKEND, DATABASE_WIDE, QUANTILES, perMinute, quantile } from './selector.js';

export function outbox(): Section {
  return {
    title: 'Delivery outbox',
    panels: [
      ...outboxHealth(DATABASE_WIDE),
      graph({
        title: 'Deliveries by outcome',
        description: 'Delivery attempts per minute: delivered, retried, failed (dead letter).',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_deliveries_total{${BACKEND}}`, ['outcome']), '{{outcome}}')],
      }),
      graph({
        title: 'Retries and failures by reason',
        description: 'Deliveries per minute that did not succeed, by outcome and reason.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [
          query(
            perMinute(`oc_deliveries_total{${BACKEND}, outcome!="delivered"}`, ['outcome', 'reason']),
            '{{outcome}} {{reason}}',
          ),
        ],
      }),
      graph({
        title: 'Delivery duration',
        description: 'Time from send to delivered (p50, p95, p99).',
        unit: 's',
        size: HALF,
        min: 0,
        queries: QUANTILES.map(([q, name]) =>
          query(quantile(q, `oc_delivery_duration_seconds_bucket{${BACKEND}}`), name),
        ),
      }),
      graph({
        title: 'Outbox items by kind and outcome',
        description: 'Outbox items processed per minute.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_outbox_items_total{${BACKEND}}`, ['kind', 'outcome']), '{{kind}} {{outcome}}')],
      }),
    ],
  };
}

export function providerActivity(): Section {
  return {
    title: 'Shares, mails and sign-ins',
    panels: [
      graph({
        title: 'Shares sent',
        description: 'Sends accepted per minute.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_shares_sent_total{${BACKEND}}`), 'sent')],
      }),
      graph({
        title: 'Mails by outcome and template',
        description: 'Mails per minute, sent or failed, per template.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_mail_total{${BACKEND}}`, ['outcome', 'template']), '{{outcome}} {{template}}')],
      }),
      graph({
        title: 'Logins by outcome',
        description: 'Logins per minute: succeeded, failed, throttled.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_logins_total{${BACKEND}}`, ['outcome']), '{{outcome}}')],
      }),
      graph({
        title: 'Rate-limited requests (429)',
        description: 'Requests per minute refused with 429, per limiter.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_rate_limited_total{${BACKEND}}`, ['limiter']), '{{limiter}}')],
      }),
    ],
  };
}

/** Pending items, the oldest one's age and the dead letters of the provider's outbox (also on the overview). */
export function outboxHealth(selector: string): Panel[] {
  return [
    single({
      title: 'Pending outbox items',
      description: 'Outbox items not yet done (oc_outbox_pending).',
      unit: 'short',
      size: THIRD,
      steps: [
        { value: null, color: 'green' },
        { value: 100, color: 'orange' },
      ],
      queries: [query(`max(oc_outbox_pending{${selector}})`, 'pending')],
    }),
    single({
      title: 'Oldest pending item',
      description: 'Age of the oldest pending outbox item; 0 when none. Grows when the client site is unreachable.',
      unit: 's',
      size: THIRD,
      steps: [
        { value: null, color: 'green' },
        { value: 300, color: 'orange' },
        { value: 1800, color: 'red' },
      ],
      queries: [query(`max(oc_outbox_oldest_age_seconds{${selector}})`, 'oldest')],
    }),
    single({
      title: 'Dead letters',
      description: 'Shares whose delivery failed for good (DELIVERY_FAILED); they need a person.',
      unit: 'short',
      size: THIRD,
      steps: GOOD_WHEN_ZERO,
      queries: [query(`max(oc_outbox_dead_letters{${selector}})`, 'dead letters')],
    }),
  ];
}
