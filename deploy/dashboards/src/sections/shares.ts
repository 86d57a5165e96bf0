// Client backend: unlocking shares with their access code, lockouts, downloads and rate limits.
import { graph, query, HALF, THIRD, type Section } from '../panels.js';
import { BACKEND, perMinute, rate } from './selector.js';

export function clientActivity(): Section {
  return {
    title: 'Unlocks and downloads',
    panels: [
      graph({
        title: 'Unlocks by outcome',
        description: 'Unlock attempts per minute: unlocked, wrong code, share locked.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_client_unlock_total{${BACKEND}}`, ['outcome']), '{{outcome}}')],
      }),
      graph({
        title: 'Lockouts',
        description: 'Shares locked per minute after too many wrong access codes.',
        unit: 'opm',
        size: HALF,
        min: 0,
        queries: [query(perMinute(`oc_lockouts_total{${BACKEND}}`), 'lockouts')],
      }),
      graph({
        title: 'Downloads by disposition',
        description: 'Files served per minute, shown inline (preview) or as attachment.',
        unit: 'opm',
        size: THIRD,
        min: 0,
        queries: [query(perMinute(`oc_downloads_total{${BACKEND}}`, ['disposition']), '{{disposition}}')],
      }),
      graph({
        title: 'Bytes served',
        description: 'Bytes of files served per second.',
        unit: 'Bps',
        size: THIRD,
        min: 0,
        queries: [query(`sum (${rate(`oc_download_bytes_total{${BACKEND}}`)})`, 'bytes')],
      }),
      graph({
        title: 'Rate-limited requests (429)',
        description: 'Requests per minute refused with 429, per limiter.',
        unit: 'opm',
        size: THIRD,
        min: 0,
        queries: [query(perMinute(`oc_rate_limited_total{${BACKEND}}`, ['limiter']), '{{limiter}}')],
      }),
    ],
  };
}
