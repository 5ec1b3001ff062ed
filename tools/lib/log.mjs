// One line per step, so a newcomer can follow what the scripts do.
//   ✓ done   … doing   ! warning   ✗ failed   ▸ section

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);

export const log = {
  ok: (message) => console.log(`${paint(32, '✓')} ${message}`),
  step: (message) => console.log(`${paint(36, '…')} ${message}`),
  warn: (message) => console.log(`${paint(33, '!')} ${message}`),
  fail: (message) => console.error(`${paint(31, '✗')} ${message}`),
  section: (title) => console.log(`\n${paint(1, `▸ ${title}`)}`),
  plain: (message = '') => console.log(message),
};

/** Renders rows (arrays of strings) as an aligned plain-text table. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}

/** Formats milliseconds as "42 s" or "3 min 05 s". */
export function duration(ms) {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** Thrown for expected failures: the message is printed as one ✗ line, without a stack. */
export class StepError extends Error {}
