import { writeReliabilityReport } from './support/reliability-report';

/** After the reliability suites: RELIABILITY.md from the figures they saved. */
export default async function regenerateReliabilityReport(): Promise<void> {
  await writeReliabilityReport();
}
