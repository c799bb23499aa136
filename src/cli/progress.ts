/** A one-line progress bar on a TTY, redrawn at most ten times a second; file names and hosts shown by `visible`. */
import type { Output } from './io.js';
import { visible } from '../core/walk/text.js';

export class Progress {
  private last = 0;
  constructor(private readonly out: Output) {}

  update(done: number, total: number, path: string): void {
    const shown = visible(path);
    this.draw(done, total, `${done}/${total} ${shown.length > 50 ? `…${shown.slice(-49)}` : shown}`);
  }

  /** External checks: URLs done of all, and the hosts slowest to answer. */
  urls(done: number, total: number, slowest: readonly { host: string; ms: number }[]): void {
    const slow = slowest.length ? `  slowest: ${slowest.map((h) => `${visible(h.host)} ${(h.ms / 1000).toFixed(1)} s`).join(', ')}` : '';
    this.draw(done, total, `URLs ${done}/${total}${slow}`);
  }

  /** The bar and its text, at most ten times a second (always the last state). */
  private draw(done: number, total: number, text: string): void {
    const now = Date.now();
    if (done !== total && now - this.last < 100) return;
    this.last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    this.out.write(`\r\x1b[2K${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${text}`);
  }

  done(): void {
    this.out.write('\r\x1b[2K');
  }
}
