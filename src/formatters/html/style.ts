/** The report page's style sheet (inline: the page makes no request). Light and dark, by the reader's setting. */
export const STYLE = `
:root{--bg:#f6f7f9;--panel:#fff;--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--soft:#eef1f4;--err:#cf222e;--err-bg:#ffebe9;
--warn:#bf8700;--warn-bar:#e3b341;--warn-bg:#fff8c5;--ok:#1a7f37;--ok-bg:#dafbe1;--accent:#0969da;--shadow:0 1px 3px rgba(31,35,40,.08)}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--panel:#161b22;--ink:#e6edf3;--muted:#8d96a0;--line:#30363d;--soft:#21262d;--err:#f85149;
--err-bg:#3c1618;--warn:#d29922;--warn-bar:#bb8009;--warn-bg:#3b2e06;--ok:#3fb950;--ok-bg:#12311c;--accent:#4493f8;--shadow:none}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif}
code,.loc,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:12.5px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{background:linear-gradient(120deg,#24292f,#3b2f4a);color:#fff;padding:22px 32px 20px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top .sub{margin:4px 0 0;color:#c9d1d9;font-size:13px;word-break:break-all}
header.top .sub b{color:#fff;font-weight:600}
main{max-width:1280px;margin:0 auto;padding:20px 24px 48px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:-38px 0 18px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:12px 14px;box-shadow:var(--shadow)}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.6px}
.card .value{display:block;font-size:26px;font-weight:650;line-height:1.2;margin-top:2px;font-variant-numeric:tabular-nums}
.card .note{display:block;color:var(--muted);font-size:12px}
.card.errors{border-top:4px solid var(--err)}.card.errors .value{color:var(--err)}
.card.warnings{border-top:4px solid var(--warn-bar)}.card.warnings .value{color:var(--warn)}
.card.fixable{border-top:4px solid var(--ok)}.card.plain{border-top:4px solid var(--line)}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0 0 18px;box-shadow:var(--shadow)}
.panel h2{font-size:16px;margin:0 0 4px;font-weight:650}
.panel .lead{color:var(--muted);margin:0 0 12px;font-size:13px}
td.what{white-space:nowrap}
.plan{border-left:4px solid var(--err)}
.plan ol.steps{margin:0;padding:0;list-style:none;counter-reset:step}
.plan ol.steps li{counter-increment:step;position:relative;padding:8px 10px 8px 40px;border-radius:8px;cursor:pointer}
.plan ol.steps li:hover,.plan ol.steps li:focus{background:var(--soft)}
.plan ol.steps li::before{content:counter(step);position:absolute;left:8px;top:8px;width:22px;height:22px;border-radius:11px;background:var(--err);color:#fff;font-weight:650;font-size:12px;text-align:center;line-height:22px}
.plan .step-n{font-weight:650;color:var(--err);font-variant-numeric:tabular-nums}
.plan .advice{font-size:13px;margin-top:2px}
.plan .cmd{font-size:13px;margin-top:3px}.plan .cmd code{background:var(--soft);border-radius:4px;padding:1px 6px;word-break:break-all}
.plan .fixall{margin:10px 0 0;font-size:13px}.plan .fixall code{background:var(--soft);border-radius:4px;padding:1px 5px}
details.more summary{cursor:pointer;color:var(--accent);margin:8px 0 0;font-size:13px}
svg{display:block;max-width:100%;height:auto}
svg text{fill:var(--ink);font:12px system-ui,sans-serif}svg text.muted{fill:var(--muted)}svg text.num{font-variant-numeric:tabular-nums}
svg .track{fill:var(--soft)}svg .be{fill:var(--err)}svg .bw{fill:var(--warn-bar)}
svg [data-filter]{cursor:pointer}svg [data-filter]:hover rect,svg [data-filter]:focus rect{stroke:var(--ink);stroke-width:1.5}
.legend{display:flex;gap:16px;color:var(--muted);font-size:12px;margin:6px 0 0}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
table{border-collapse:collapse;width:100%}
th{text-align:left;font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--soft);padding:6px 8px;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr[data-filter]{cursor:pointer}tr[data-filter]:hover td{background:var(--soft)}
.target{word-break:break-all}
.meter{margin:7px 0;height:6px;border-radius:3px;background:var(--soft);min-width:60px;overflow:hidden}.meter span{display:block;height:100%;background:var(--err)}
.meter.w span{background:var(--warn-bar)}
.kinds td.rule{font-weight:600;white-space:nowrap}
.muted{color:var(--muted)}
.note-box{background:var(--soft);border-radius:8px;padding:10px 12px;color:var(--muted);font-size:13px}
#f-controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0 10px}
#f-controls select,#f-controls input[type=search],#f-controls button{font:inherit;font-size:13px;color:var(--ink);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:5px 8px}
#f-controls input[type=search]{flex:1 1 220px;min-width:180px}
#f-controls label{color:var(--muted);font-size:13px;display:flex;gap:4px;align-items:center}
.pager{display:flex;gap:6px;align-items:center;justify-content:space-between;margin:6px 0;flex-wrap:wrap}
.pager button{font:inherit;font-size:13px;color:var(--ink);background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:3px 10px;cursor:pointer}
.pager button:disabled{opacity:.4;cursor:default}
#f-status{color:var(--muted);font-size:13px}
#f-list td{font-size:13px}
#f-list td.loc{max-width:340px;word-break:break-all}
#f-list td.loc .lc{color:var(--muted);white-space:nowrap}
#f-list td.msg{word-break:break-word}
#f-list td.rk{white-space:nowrap;font-size:12px}
#f-list td.rk .rule{display:block;font-weight:600}#f-list td.rk .kind{display:block;color:var(--muted)}
.sev{display:inline-block;border-radius:10px;padding:0 8px;font-size:11.5px;font-weight:600;line-height:18px}
.sev.e{background:var(--err-bg);color:var(--err)}.sev.w{background:var(--warn-bg);color:var(--warn)}
.fix{display:inline-block;border-radius:10px;padding:0 7px;font-size:11px;line-height:17px;white-space:nowrap}
.fix.safe{background:var(--ok-bg);color:var(--ok)}.fix.unsafe{border:1px solid var(--line);color:var(--muted)}
.occ{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:24px}
`;
