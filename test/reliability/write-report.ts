import { writeReliabilityReport } from './support/reliability-report';

/** `npm run reliability:report`: RELIABILITY.md from the saved figures, without running suites. */
writeReliabilityReport().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
