/**
 * Precision and recall of the draft checker per finding code, over the labelled corpus in
 * src/domain/followup/corpus/drafts.json. `npm run bench:checker`; copy the table into
 * bench/RESULTS.md.
 */
import { checkCorpus, scoreCorpus } from '../../src/domain/followup/corpus/evaluate.js';
import { getBritishSpellChecker } from '../../src/services/followup/spelling.js';

const checked = checkCorpus(getBritishSpellChecker());
const scores = scoreCorpus(checked);
const lines = [
  `Draft checker over ${checked.length} labelled drafts`,
  '',
  '| code | TP | FP | FN | precision | recall |',
  '|---|---|---|---|---|---|',
  ...scores.map(
    (s) =>
      `| \`${s.code}\` | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
const misses = checked.filter(
  (d) =>
    d.must.some((code) => !d.found.includes(code as never)) ||
    d.found.some((code) => !d.must.includes(code)),
);
for (const miss of misses) {
  process.stdout.write(
    `  ${miss.id}: wanted [${miss.must.join(', ')}], found [${miss.found.join(', ')}]\n`,
  );
}
