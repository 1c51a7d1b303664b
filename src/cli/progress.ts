/**
 * Progress of an index run on stderr: files (or a queued job's articles) done, articles ingested, articles/s and the
 * time left. A one-line bar on a terminal; on a pipe, a line every few percent so logs stay readable.
 */
export function progressReporter(total: number, out: NodeJS.WriteStream = process.stderr, unit = 'files') {
  const width = 30;
  const started = performance.now();
  let lastPercent = -1;
  let articles = 0;
  const seconds = () => (performance.now() - started) / 1000;
  const rate = () => articles / Math.max(seconds(), 0.001);
  const eta = (done: number) => (done ? `ETA ${formatSeconds((seconds() * (total - done)) / done)}` : 'ETA …');
  return {
    update(done: number, label: string) {
      const percent = total ? Math.floor((100 * done) / total) : 100;
      const figures = `${articles} articles, ${rate().toFixed(0)}/s, ${eta(done)}`;
      if (out.isTTY) {
        const filled = Math.round((width * percent) / 100);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit} · ${figures} ${label.slice(-30).padEnd(30)}`);
      } else if (percent >= lastPercent + 10 || done === total) {
        out.write(`${done}/${total} ${unit} (${percent}%) · ${figures}\n`);
        lastPercent = percent;
      }
    },
    /** Articles handled so far (stored or found unchanged). */
    articles(count: number) {
      articles = count;
    },
    seconds,
    finish() {
      if (out.isTTY) out.write('\n');
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
