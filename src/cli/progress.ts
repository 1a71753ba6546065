import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, what: string): void;
  /** Ends the bar (or prints the last line) and returns the units done per second overall. */
  stop(): { done: number; seconds: number; rate: number };
}

const NON_TTY_EVERY_MS = 3_000;

export const formatRate = (rate: number) => (rate >= 100 ? Math.round(rate).toLocaleString('en-GB') : rate.toFixed(1));

/**
 * Progress on `stream`: a live bar on a terminal; elsewhere (CI logs, pipes) a
 * line every few seconds with done/total and the rate, so logs stay readable.
 */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, now: () => number = () => performance.now()): Progress {
  const started = now();
  let last = { done: 0, total: 0, what: '' };
  let lastPrinted = started;
  const rate = () => last.done / Math.max(0.001, (now() - started) / 1000);
  const line = () => {
    const pct = last.total ? Math.floor((100 * last.done) / last.total) : 0;
    stream.write(`  ${last.what} ${last.done.toLocaleString('en-GB')}/${last.total.toLocaleString('en-GB')} (${pct}%) ${formatRate(rate())}/s\n`);
  };

  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        { stream, format: '  {bar} {percentage}% | {value}/{total} | {rate}/s | {what}', hideCursor: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let barStarted = false;

  return {
    update(done, total, what) {
      last = { done, total, what };
      if (bar) {
        if (!barStarted) {
          bar.start(total, done, { what, rate: '0' });
          barStarted = true;
        } else if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done, { what, rate: formatRate(rate()) });
        return;
      }
      if (now() - lastPrinted >= NON_TTY_EVERY_MS) {
        lastPrinted = now();
        line();
      }
    },
    stop() {
      const seconds = (now() - started) / 1000;
      const summary = { done: last.done, seconds, rate: rate() };
      if (bar && barStarted) {
        bar.update(last.done, { what: last.what, rate: formatRate(summary.rate) });
        bar.stop();
      } else if (!bar && last.total) line();
      return summary;
    },
  };
}
