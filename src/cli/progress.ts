/** A one-line progress bar on a terminal; on a pipe, a line every few percent so logs stay readable. */
export function progressReporter(total: number, out: NodeJS.WriteStream = process.stderr, unit = 'files') {
  const width = 30;
  let lastPercent = -1;
  return {
    update(done: number, label: string) {
      const percent = total ? Math.floor((100 * done) / total) : 100;
      if (out.isTTY) {
        const filled = Math.round((width * percent) / 100);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(-40).padEnd(40)}`);
      } else if (percent >= lastPercent + 10 || done === total) {
        out.write(`${done}/${total} ${unit} (${percent}%)\n`);
        lastPercent = percent;
      }
    },
    finish() {
      if (out.isTTY) out.write('\n');
    },
  };
}
