/** The built web app's files and the SPA fallback: page routes get index.html, missing files under /assets/ a 404. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../db/testing.js';
import { buildApp, type App } from './app.js';
import { testConfig } from './auth/testing.js';

let database: Database;
let app: App;
let webRoot: string;
const INDEX = '<!doctype html><html lang="ko"><title>성과관리 BSC</title><div id="root"></div></html>';

beforeAll(async () => {
  // A web build of our own: the test must not depend on whether `npm run build:web` ran.
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  fs.writeFileSync(path.join(webRoot, 'assets/index-Ab12Cd34.js'), 'console.log("bsc");');
  database = await createTestDatabase();
  app = await buildApp({ database, config: testConfig(), webRoot });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('web app files', () => {
  it('serves a built asset', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toBe('console.log("bsc");');
  });

  it('answers 404 for a missing file under /assets/ (an old hash after a deploy), not index.html', async () => {
    for (const url of [
      '/assets/index-OldHash9.js',
      '/assets/index-OldHash9.css',
      '/assets/fonts/x.woff2',
      '/assets/index-OldHash9.js?v=1',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<div id="root">');
    }
  });

  it('gives index.html for page routes (the SPA fallback), with or without a query', async () => {
    for (const url of ['/', '/plans/2020/tree', '/departments/12?year=2020', '/assets-report']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('keeps unknown API paths as JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});
