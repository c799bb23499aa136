// A deterministic, seeded generator of archives shaped like the corpus: index pages linking to sections of
// pages, raw-HTML bodies, datelines, QR images, and a share of broken links.
// Usage: node synth.mjs DIR FILES [SEED]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generate(dir, count, seed = 1) {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const words = ['大纪元', '中共', '新闻', '美国', '疫情', '报道', '官员', '香港', '经济', '评论', '历史', '文化'];
  const sentence = () => Array.from({ length: 8 + Math.floor(rnd() * 20) }, () => pick(words)).join('') + '。';
  const sections = Math.max(1, Math.round(count / 300));
  const pagesPerIndex = 100;
  const pages = count - Math.ceil(count / pagesPerIndex);
  const pagePath = (i) => `pages/s${i % sections}/n${100000 + i}.md`;
  mkdirSync(join(dir, 'indexes'), { recursive: true });
  for (let k = 0; k < sections; k++) mkdirSync(join(dir, `pages/s${k}`), { recursive: true });
  for (let i = 0; i < pages; i++) {
    const y = 2018 + Math.floor(rnd() * 3);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const pad = (n) => String(n).padStart(2, '0');
    const paras = Array.from({ length: 5 + Math.floor(rnd() * 25) }, () => {
      const link = rnd() < 0.3 ? ` <ok href="/term/${Math.floor(rnd() * 99999)}">${pick(words)}</ok> ` : '';
      const rel = rnd() < 0.05 ? ` <a href="../s${Math.floor(rnd() * sections)}/n${100000 + Math.floor(rnd() * pages * 1.02)}.md">相关</a>` : '';
      return `<p>\n ${sentence()}${link}${sentence()}${rel}\n</p>`;
    }).join('\n');
    const text = `### ${sentence()}\n------------------------\n\n#### [首页](https://github.com/o/r/blob/master/README.md) &nbsp;|&nbsp; [上一页](../s${(i + 1) % sections}/n${100000 + ((i + 1) % pages)}.md)\n\n<div><p>\n 【大纪元${y}年${pad(m)}月${pad(d)}日讯】${sentence()}\n</p>\n${paras}\n</div>\n\n<img src='https://github.com/o/r/blob/master/${pagePath(i)}.png' width='200px'/>\n\n原文地址：https://www.epochtimes.com/gb/${String(y).slice(2)}/${m}/${d}/n${100000 + i}.htm\n`;
    writeFileSync(join(dir, pagePath(i)), text);
    if (rnd() < 0.9) writeFileSync(join(dir, `${pagePath(i)}.png`), 'png');
  }
  for (let k = 0; k * pagesPerIndex < pages; k++) {
    const lines = [];
    for (let i = k * pagesPerIndex; i < Math.min(pages, (k + 1) * pagesPerIndex); i++) {
      const broken = rnd() < 0.02;
      lines.push(`#### [${sentence()}](../${broken ? `pages/s${i % sections}/gone${i}.md` : pagePath(i)}?t=${k})`);
    }
    writeFileSync(join(dir, `indexes/i${k}.md`), `${lines.join('\n')}\n`);
  }
}

if (process.argv[1] && process.argv[1].endsWith('synth.mjs')) {
  generate(process.argv[2], Number(process.argv[3] ?? 10000), Number(process.argv[4] ?? 1));
}
