import { defineConfig } from 'vitest/config';

// Three projects: `unit` (beside the code), `conformance` (the product's own specs) and `live`
// (AWS itself; only ever run on request through `npm run test:live`, never by `npm test`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{oracle,generators,harness,evaluators,reports,cli,bench,specs,testing,tools}/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['specs/**/*.spec.ts'],
          exclude: ['specs/live/**'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'live',
          include: ['specs/live/**/*.spec.ts'],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
