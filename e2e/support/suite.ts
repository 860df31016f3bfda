/**
 * The set-up every browser test file shares, called once inside its `describe.skipIf(!hasChromium)`:
 * says in the log when Chromium is absent; in beforeAll starts the real server (startServer) and a
 * browser (launchBrowser) and takes its first page, collecting the page's errors; in afterAll closes
 * both. A file's own beforeAll (signing in, finding data) runs after this one, its afterAll before.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, checkPage, hasChromium, launchBrowser, screenshotDir, type Browser } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { uiLogin } from './session.js';

export interface BrowserSuite {
  /** Set in beforeAll, as are `browser` and `page`. */
  server: RunningServer;
  browser: Browser;
  /** The browser's first page. */
  page: Page;
  /** The page's uncaught errors ('pageerror: …') and console errors ('console: …'); tests expect none. */
  problems: string[];
  /** Screenshots written (check() adds its own); their number is logged at the end. */
  shots: string[];
  /** The server's address of `path` ('/admin' → http://127.0.0.1:port/admin). */
  url: (path: string) => string;
  /** Signs in on the page through /login (uiLogin). */
  login: (username: string) => Promise<void>;
  /** checkPage on the page (screenshot `name`.png and an axe-core scan); returns the screenshot. */
  check: (name: string) => Promise<string>;
  /** Waits until `text` is visible on the page. */
  see: (text: string | RegExp, timeout?: number) => Promise<void>;
}

export function browserSuite(opts: {
  /** What is skipped without Chromium, as the log says it: '계획 관리 브라우저 테스트'. */
  tests: string;
  /** beforeAll's timeout (vitest's hookTimeout when absent). */
  timeout?: number;
  /** Also count console errors as problems (default); false: only uncaught page errors. */
  consoleErrors?: boolean;
}): BrowserSuite {
  if (!hasChromium) {
    console.log(
      `[e2e] ${CHROMIUM} 가 없어 ${opts.tests}를 건너뜁니다 (skipped: Chromium not installed; apt-get install chromium fonts-noto-cjk).`,
    );
  }
  // server, browser and page are filled in by beforeAll, before any test reads them.
  const s = {
    problems: [],
    shots: [],
    url: (path) => `${s.server.baseUrl}${path}`,
    login: (username) => uiLogin(s.page, s.server.baseUrl, username),
    check: async (name) => {
      const file = await checkPage(s.page, name);
      s.shots.push(file);
      return file;
    },
    see: async (text, timeout = 30_000) => {
      await s.page.getByText(text).first().waitFor({ state: 'visible', timeout });
    },
  } as Omit<BrowserSuite, 'server' | 'browser' | 'page'> as BrowserSuite;

  beforeAll(async () => {
    s.server = await startServer();
    s.browser = await launchBrowser();
    s.page = s.browser.context.pages()[0] ?? (await s.browser.context.newPage());
    s.page.on('pageerror', (e) => s.problems.push(`pageerror: ${e.message}`));
    if (opts.consoleErrors === false) return;
    s.page.on('console', (msg) => {
      // A refused request (a 401/403/404 a test provokes or the app expects) is logged by Chromium
      // as a failed resource: not a problem.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        s.problems.push(`console: ${msg.text()}`);
    });
  }, opts.timeout);

  afterAll(async () => {
    // Optional chaining: beforeAll may have failed before setting them.
    await (s.browser as Browser | undefined)?.close();
    await (s.server as RunningServer | undefined)?.close();
    if (s.shots.length) console.log(`[e2e] ${opts.tests}: 화면 캡처 ${s.shots.length}장: ${screenshotDir}`);
  });

  return s;
}
