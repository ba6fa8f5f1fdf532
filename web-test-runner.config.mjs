import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, ensureChromium } from './test/tools/find-browser.mjs';
import { testMiddleware } from './test/tools/test-middleware.mjs';

const executablePath = ensureChromium();

export default {
  files: ['test/**/*.test.ts', '!test/bench/**', '!test/node/**'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [testMiddleware],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromiumArgs() },
      // One browser context per test page: with a shared context the second page is "hidden",
      // and requestAnimationFrame and IntersectionObserver never fire there (modernweb-dev/web#2808).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  testFramework: {
    config: { timeout: 10_000 },
  },
  filterBrowserLogs: ({ type }) => type === 'error',
};
