import type { Reporter, TestModule } from 'vitest/node';
import { findRedis, redisMissing } from '../helpers/redisServer';

// Suites that need a real service, and what they need. Without it they skip (REQUIRE_SERVICES=1 turns
// that into a failure); this reporter says so in one line under vitest's summary.
const serviceSuites = [{ file: 'test/server/rateLimitRedis.test.ts', service: 'Redis', missing: () => (findRedis() === null ? redisMissing : null) }];

export default class ServicesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    for (const suite of serviceSuites) {
      const modules = testModules.filter((m) => m.moduleId.endsWith(suite.file));
      const skipped = modules.flatMap((m) => [...m.children.allTests()]).filter((t) => t.result().state === 'skipped').length;
      const why = suite.missing();
      if (skipped > 0 && why !== null) console.log(`\n  ${skipped} ${suite.service} tests skipped (${suite.file}): ${why}.\n`);
    }
  }
}
