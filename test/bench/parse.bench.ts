import { parseSpec } from '../../src/core/parser/parse';
import { budget, cpuMedian, measure, report } from './harness';
import { generateSpec } from '../unit/parser/generate';

/**
 * `npm run bench parse`: how long parseSpec takes on a generated 10,000-line spec (the budget:
 * 50 ms median, so diagnostics can refresh as a person types) and on a 784-128-10 spec with
 * its 101,770 parameters written out.
 */

function check(text: string, label: string): void {
  const result = parseSpec(text);
  if (result.network === null) throw new Error(`${label}: the generated spec should be valid: ${result.diagnostics[0]?.message}`);
}

const tenThousandLines = generateSpec({ sizes: [10, 32, 4], totalLines: 10_000 });
check(tenThousandLines, '10,000 lines');
console.log(`10,000-line spec: ${tenThousandLines.length.toLocaleString('en')} characters`);
const timing = measure('parse 10,000-line spec', () => parseSpec(tenThousandLines), { runs: 31 });
report(timing);
budget(timing, 50);
console.log(`  (process CPU time per parse, which other processes on a busy machine do not inflate: median ${cpuMedian(() => parseSpec(tenThousandLines)).toFixed(1)} ms)`);

const mnist = generateSpec({ sizes: [784, 128, 10], examples: 10 });
check(mnist, '784-128-10');
console.log(`784-128-10 spec: ${mnist.length.toLocaleString('en')} characters, ${mnist.split('\n').length} lines`);
report(measure('parse 784-128-10 spec, weights written out', () => parseSpec(mnist), { runs: 31 }));

const seeded = generateSpec({ sizes: [784, 128, 10], parameters: false, examples: 10 });
check(seeded, '784-128-10 seeded');
report(measure('parse 784-128-10 spec, weights drawn from the seed', () => parseSpec(seeded), { runs: 31 }));
