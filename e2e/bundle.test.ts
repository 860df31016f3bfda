/**
 * The initial JavaScript budget of issue 6: what the browser must load before the first page
 * (the entry script and the chunks index.html preloads) stays under 350 KB gzip. Pages and ECharts
 * are lazy chunks and do not count.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensureWebBuilt, repoRoot } from './support/server.js';

const BUDGET = 350 * 1024;

describe('web bundle', () => {
  it('keeps the initial JavaScript under 350 KB gzip, with ECharts out of it', () => {
    ensureWebBuilt();
    const dist = path.join(repoRoot, 'web/dist');
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((s) => ({
      file: s,
      gzip: zlib.gzipSync(fs.readFileSync(path.join(dist, s)), { level: 9 }).length,
    }));
    const total = sizes.reduce((a, s) => a + s.gzip, 0);
    console.log(
      `[bundle] initial JS ${(total / 1024).toFixed(1)} KB gzip: ${sizes.map((s) => `${path.basename(s.file)} ${(s.gzip / 1024).toFixed(1)}`).join(', ')}`,
    );
    expect(total).toBeLessThan(BUDGET);
    // React's production build (a development build would mean NODE_ENV leaked into vite build).
    const code = scripts.map((s) => fs.readFileSync(path.join(dist, s), 'utf8')).join('\n');
    expect(code).not.toContain('cannot be a child of');
    expect(scripts.some((s) => /echarts|ResultsChart/i.test(s))).toBe(false);
  });
});
