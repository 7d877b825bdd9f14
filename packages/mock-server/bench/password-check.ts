// Part of `pnpm bench` (scripts/bench.mjs): how long the new-password check
// takes on hard 128-character inputs, as a number — never a timed test.
// Prints one JSON line: { worstMedianMs, loadMs }.
import { performance } from 'node:perf_hooks';
import { DEFAULT_PASSWORD_POLICY } from '../src/public-config.ts';

const loadStarted = performance.now();
const { PasswordRules } = await import('../src/password-policy.ts');
const rules = new PasswordRules(DEFAULT_PASSWORD_POLICY);
rules.check('warm-up passphrase for the corpus');
const loadMs = performance.now() - loadStarted;

const HARD = [
  '1'.repeat(128),
  '4@3!1|0$5'.repeat(15).slice(0, 128),
  'qwertyuiopasdfghjklzxcvbnm'.repeat(5).slice(0, 128),
  '1q2w3e4r5t6y7u8i9o0p'.repeat(7).slice(0, 128),
  'password dragon monkey shadow '.repeat(5).slice(0, 128),
  Array.from({ length: 128 }, (_, i) => String.fromCodePoint(0x1f400 + ((i * 11) % 70))).join(''),
  Array.from({ length: 128 }, (_, i) => 'абвгдђежзијклљмнњопрстћуфхцчџш'[(i * 7) % 30]).join(''),
  'violet harbor 3fa9c0d1 quartz meadow',
];

let worstMedianMs = 0;
for (const password of HARD) {
  const times = Array.from({ length: 9 }, () => {
    const started = performance.now();
    rules.check(password);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  worstMedianMs = Math.max(worstMedianMs, times[4]!);
}
console.log(JSON.stringify({ worstMedianMs, loadMs }));
