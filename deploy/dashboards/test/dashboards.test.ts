import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DASHBOARDS, render } from '../src/catalog.js';
import { SERIES } from './contract.js';

const CHART_FILES = fileURLToPath(new URL('../../charts/oc-platform/files/dashboards/', import.meta.url));
const REGENERATE = 'out of date: run "npm run -w deploy/dashboards build" at the repository root and commit the result';

interface Target {
  readonly expr?: string;
  readonly datasource?: { readonly uid?: string };
}
interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly datasource?: { readonly type?: string; readonly uid?: string };
  readonly targets?: readonly Target[];
}
interface Variable {
  readonly name: string;
  readonly query?: unknown;
}
interface Dashboard {
  readonly uid: string;
  readonly panels: readonly Panel[];
  readonly templating: { readonly list: readonly Variable[] };
}

const built = Object.entries(DASHBOARDS).map(([name, build]) => {
  const json = render(build);
  return { name, json, dashboard: JSON.parse(json) as Dashboard };
});
const GRAFANA_VARIABLES = new Set(['__rate_interval', '__range', '__interval']);

describe.each(built)('dashboard $name', ({ name, json, dashboard }) => {
  const panels = dashboard.panels.filter((p) => p.type !== 'row');
  const variables = new Set(dashboard.templating.list.map((v) => v.name));
  const queries = [
    ...panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? '')),
    ...dashboard.templating.list.map((v) => (typeof v.query === 'string' && v.name !== 'datasource' ? v.query : '')),
  ].filter((q) => q !== '');

  it('is committed in the chart as generated', () => {
    const committed = readFileSync(`${CHART_FILES}${name}.json`, 'utf8');
    expect(committed, `files/dashboards/${name}.json ${REGENERATE}`).toBe(json);
  });

  it('has panels, each querying the data source variable with at least one expression', () => {
    expect(panels.length).toBeGreaterThan(5);
    for (const panel of panels) {
      expect(panel.datasource, panel.title).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(
        panel.targets?.some((t) => (t.expr ?? '').trim() !== ''),
        panel.title,
      ).toBe(true);
    }
  });

  it('queries only series of the metric contract', () => {
    const series = new Set(queries.flatMap((q) => [...q.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((m) => m[1])));
    expect(series.size).toBeGreaterThan(0);
    expect([...series].filter((s) => !SERIES.has(s))).toEqual([]);
  });

  it('has panel expressions that Prometheus parses (promtool)', () => {
    const expressions = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));
    const rules = expressions.map((expr, i) => ({
      record: `dashboard:expression_${i}`,
      expr: withSampleVariables(expr),
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'dashboards-')), `${name}.rules.json`);
    writeFileSync(file, JSON.stringify({ groups: [{ name, rules }] }));
    expect(promtool(['check', 'rules', file])).toContain(`SUCCESS: ${rules.length} rules found`);
  });

  it('uses only variables it defines', () => {
    const used = new Set(queries.flatMap((q) => [...q.matchAll(/\$(\w+)/g)].map((m) => m[1])));
    expect([...used].filter((v) => !variables.has(v) && !GRAFANA_VARIABLES.has(v))).toEqual([]);
    expect(variables).toContain('datasource');
  });

  it('lays out panels with unique ids inside the 24-column grid without overlaps', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, a] of dashboard.panels.entries()) {
      expect(a.gridPos.x + a.gridPos.w, a.title).toBeLessThanOrEqual(24);
      for (const b of dashboard.panels.slice(i + 1)) {
        const apart =
          a.gridPos.x + a.gridPos.w <= b.gridPos.x ||
          b.gridPos.x + b.gridPos.w <= a.gridPos.x ||
          a.gridPos.y + a.gridPos.h <= b.gridPos.y ||
          b.gridPos.y + b.gridPos.h <= a.gridPos.y;
        expect(apart, `${a.title} overlaps ${b.title}`).toBe(true);
      }
    }
  });
});

/** A Grafana query as Grafana sends it to Prometheus: variables replaced by sample values. */
function withSampleVariables(expr: string): string {
  return expr
    .replaceAll('$__rate_interval', '2m')
    .replaceAll('$__range', '6h')
    .replaceAll('$__interval', '1m')
    .replace(/\$\w+/g, 'sample');
}

/** promtool from the Prometheus release (Debian package "prometheus"); its output, or the failure's. */
function promtool(args: readonly string[]): string {
  try {
    return execFileSync('promtool', args, { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    const failure = e as { code?: string; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error('promtool is not installed: install Prometheus\' promtool (Debian package "prometheus")');
    }
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
  }
}

describe('the dashboards', () => {
  it('have distinct Grafana uids of at most 40 characters', () => {
    const uids = built.map((b) => b.dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
    uids.forEach((uid) => expect(uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/));
  });

  it('are the only JSON files in the chart, so none is left over from a removed dashboard', () => {
    const files = readdirSync(CHART_FILES)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files, `the chart's dashboards are ${REGENERATE}`).toEqual(built.map((b) => `${b.name}.json`).sort());
  });
});
