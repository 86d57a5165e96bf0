// The JVM of each pod: heap, garbage collection, threads, CPU.
import { graph, query, HALF, THIRD, type Section } from '../panels.js';
import { BACKEND, rate } from './selector.js';

export function jvm(): Section {
  return {
    title: 'JVM',
    panels: [
      graph({
        title: 'Heap',
        description: 'Heap used and its maximum, per pod.',
        unit: 'bytes',
        size: THIRD,
        min: 0,
        queries: [
          query(`sum by (pod) (jvm_memory_used_bytes{${BACKEND}, area="heap"})`, '{{pod}} used'),
          query(`sum by (pod) (jvm_memory_max_bytes{${BACKEND}, area="heap"})`, '{{pod}} max'),
        ],
      }),
      graph({
        title: 'Time in GC pauses',
        description: 'Share of wall-clock time each pod spent in garbage collection pauses.',
        unit: 'percentunit',
        size: THIRD,
        min: 0,
        queries: [query(`sum by (pod) (${rate(`jvm_gc_pause_seconds_sum{${BACKEND}}`)})`, '{{pod}}')],
      }),
      graph({
        title: 'GC pauses per second',
        description: 'Garbage collection pauses per pod and kind (minor, major).',
        unit: 'ops',
        size: THIRD,
        min: 0,
        queries: [
          query(`sum by (pod, action) (${rate(`jvm_gc_pause_seconds_count{${BACKEND}}`)})`, '{{pod}} {{action}}'),
        ],
      }),
      graph({
        title: 'Threads',
        description: "Live threads per pod, and all pods' threads by state.",
        unit: 'short',
        size: HALF,
        min: 0,
        queries: [
          query(`sum by (pod) (jvm_threads_live_threads{${BACKEND}})`, '{{pod}} live'),
          query(`sum by (state) (jvm_threads_states_threads{${BACKEND}})`, '{{state}}'),
        ],
      }),
      graph({
        title: 'CPU',
        description: "CPU used by each pod's JVM process, as a share of the CPUs it sees.",
        unit: 'percentunit',
        size: HALF,
        min: 0,
        queries: [query(`max by (pod) (process_cpu_usage{${BACKEND}})`, '{{pod}}')],
      }),
    ],
  };
}
