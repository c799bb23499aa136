/** A one-line progress bar on a TTY, redrawn at most ten times a second; file names and hosts shown by `visible`. */
import type { Output } from './main.js';
import { visible } from '../core/text.js';

export class Progress {
  private last = 0;
  constructor(private readonly out: Output) {}

  update(done: number, total: number, path: string): void {
    const now = Date.now();
    if (done !== total && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const shown = visible(path);
    const name = shown.length > 50 ? `…${shown.slice(-49)}` : shown;
    this.out.write(`\r\x1b[2K${bar} ${done}/${total} ${name}`);
  }

  /** External checks: URLs done of all, and the hosts slowest to answer. */
  urls(done: number, total: number, slowest: readonly { host: string; ms: number }[]): void {
    const now = Date.now();
    if (done !== total && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const slow = slowest.length ? `  slowest: ${slowest.map((h) => `${visible(h.host)} ${(h.ms / 1000).toFixed(1)} s`).join(', ')}` : '';
    this.out.write(`\r\x1b[2K${bar} URLs ${done}/${total}${slow}`);
  }

  done(): void {
    this.out.write('\r\x1b[2K');
  }
}
