/**
 * The report page's script, as text: it unpacks the findings (base64 of gzip, unpacked by the browser's own
 * DecompressionStream: no request leaves the page), then lists them a page at a time, filtered by rule, kind,
 * severity, folder, fixability and text. Rows are built only for the page shown. Plain ES2017, no template
 * literals (this is one itself). When the first page is drawn, `<html data-ready="true">` (or `"error"`).
 */
export const CLIENT_JS = String.raw`
(function () {
  'use strict';
  var html = document.documentElement;
  var $ = function (id) { return document.getElementById(id); };
  var PAGE = 100;
  function fail(e) {
    console.error(e);
    html.setAttribute('data-ready', 'error');
    var s = $('f-status');
    if (s) s.textContent = 'The findings could not be read: ' + ((e && e.message) || e);
  }
  function bytesOf(id) {
    var s = $(id).textContent.replace(/\s+/g, '');
    var b = atob(s);
    var u = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    return u;
  }
  function gunzip(u) {
    if (typeof DecompressionStream === 'undefined') return Promise.reject(new Error('this browser cannot unpack them (no DecompressionStream); open the report in a current Chromium, Firefox or Safari'));
    var stream = new Blob([u]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }
  var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  var NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  function vis(s) {
    return s.replace(UNSAFE, function (c) {
      if (NAMED[c]) return NAMED[c];
      var n = c.charCodeAt(0);
      return n <= 0xff ? '\\x' + (n < 16 ? '0' : '') + n.toString(16) : '\\u{' + n.toString(16) + '}';
    });
  }
  var fmt = new Intl.NumberFormat('en-US');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function start(meta, bytes) {
    if (!$('f-rule')) { html.setAttribute('data-ready', 'true'); return; }
    var n = meta.findings, K = meta.kinds, T = meta.templates, S = meta.strings, F = meta.files, R = meta.rules;
    var kslots = K.map(function (k) { return T[k[6]].filter(function (p) { return typeof p === 'number'; }).length; });
    var fileOf = new Int32Array(n), line = new Int32Array(n), col = new Int32Array(n), kind = new Uint16Array(n);
    var vstart = new Int32Array(n + 1), vals = new Int32Array(meta.slots), occ = {};
    var p = 0, v = 0, i = 0;
    function rd() {
      var x = 0, mul = 1, b;
      do { b = bytes[p++]; x += (b & 0x7f) * mul; mul *= 128; } while (b & 0x80);
      return x;
    }
    for (var f = 0; f < F.length; f++) {
      for (var j = 0; j < F[f][2]; j++) {
        fileOf[i] = f;
        var k = rd();
        kind[i] = k;
        line[i] = rd();
        col[i] = rd();
        if (K[k][5]) occ[i] = rd();
        vstart[i] = v;
        for (var s = 0; s < kslots[k]; s++) vals[v++] = rd();
        i++;
      }
    }
    vstart[n] = v;
    if (i !== n || p !== bytes.length) throw new Error('the findings are damaged (' + i + ' of ' + n + ' read)');

    // Kinds grouped by rule and id (a kind's severity, fix and template may vary within a group).
    var groups = [], groupOf = new Int32Array(K.length), groupIndex = {};
    K.forEach(function (k, x) {
      var key = k[0] + ':' + k[1];
      if (groupIndex[key] === undefined) { groupIndex[key] = groups.length; groups.push({ rule: k[0], id: k[1], name: k[2], count: 0 }); }
      groupOf[x] = groupIndex[key];
    });
    var ruleCount = R.map(function () { return 0; }), folderCount = meta.folders.map(function () { return 0; });
    for (i = 0; i < n; i++) { groups[groupOf[kind[i]]].count++; ruleCount[K[kind[i]][0]]++; }
    F.forEach(function (file) { folderCount[file[1]] += file[2]; });
    // Errors first, each part in file order.
    var order = new Int32Array(n), o = 0;
    for (i = 0; i < n; i++) if (K[kind[i]][3] === 2) order[o++] = i;
    for (i = 0; i < n; i++) if (K[kind[i]][3] !== 2) order[o++] = i;

    function message(x) {
      var parts = T[K[kind[x]][6]], out = '';
      for (var q = 0; q < parts.length; q++) out += typeof parts[q] === 'number' ? S[vals[vstart[x] + parts[q]]] : parts[q];
      return out;
    }
    function href(path, ln) {
      var p = path.split('/').map(encodeURIComponent).join('/');
      return meta.blob ? meta.blob + p + (ln > 0 ? '#L' + ln : '') : meta.prefix + p;
    }

    var ui = { rule: $('f-rule'), kind: $('f-kind'), sev: $('f-sev'), folder: $('f-folder'), fix: $('f-fix'), q: $('f-q'), sort: $('f-sort') };
    function option(sel, value, label) { var op = el('option', '', label); op.value = value; sel.appendChild(op); }
    option(ui.rule, '', 'every rule (' + fmt.format(n) + ')');
    R.forEach(function (r, x) { if (ruleCount[x]) option(ui.rule, String(x), (r || 'file messages') + ' (' + fmt.format(ruleCount[x]) + ')'); });
    function kindOptions() {
      var keep = ui.kind.value;
      ui.kind.textContent = '';
      option(ui.kind, '', 'every kind');
      var rule = ui.rule.value === '' ? -1 : Number(ui.rule.value);
      groups.map(function (g, x) { return [g, x]; })
        .filter(function (e) { return rule < 0 || e[0].rule === rule; })
        .sort(function (a, b) { return b[0].count - a[0].count; })
        .forEach(function (e) { option(ui.kind, String(e[1]), e[0].name + (rule < 0 ? ' · ' + (R[e[0].rule] || 'file') : '') + ' (' + fmt.format(e[0].count) + ')'); });
      ui.kind.value = keep;
      if (ui.kind.value !== keep) ui.kind.value = '';
    }
    kindOptions();
    // Fixes: the safe ones are what --fix applies, so that count is the report's "Fixable by --fix".
    var fixCount = [0, 0, 0];
    for (i = 0; i < n; i++) fixCount[K[kind[i]][4]]++;
    option(ui.fix, '', 'fixed or not');
    option(ui.fix, 'safe', 'safe fix, by --fix (' + fmt.format(fixCount[1]) + ')');
    option(ui.fix, 'unsafe', 'unsafe fix only, by --fix-unsafe (' + fmt.format(fixCount[2]) + ')');
    option(ui.fix, 'none', 'no fix (' + fmt.format(fixCount[0]) + ')');
    var FIXES = { safe: 1, unsafe: 2, none: 0 };
    option(ui.folder, '', 'every folder');
    meta.folders.map(function (name, x) { return [name, x]; })
      .filter(function (e) { return folderCount[e[1]] > 0; })
      .sort(function (a, b) { return folderCount[b[1]] - folderCount[a[1]] || (a[0] < b[0] ? -1 : 1); })
      .forEach(function (e) { option(ui.folder, String(e[1]), vis(e[0]) + ' (' + fmt.format(folderCount[e[1]]) + ')'); });

    var matched = new Int32Array(n), count = 0, page = 0;
    function filter() {
      var rule = ui.rule.value === '' ? -1 : Number(ui.rule.value);
      var group = ui.kind.value === '' ? -1 : Number(ui.kind.value);
      var sev = ui.sev.value === '' ? 0 : Number(ui.sev.value);
      var folder = ui.folder.value === '' ? -1 : Number(ui.folder.value);
      var fix = ui.fix.value === '' ? -1 : FIXES[ui.fix.value];
      var q = ui.q.value.trim().toLowerCase();
      var src = ui.sort.value === 'file' ? null : order;
      var fileHit = q ? F.map(function (file) { return vis(file[0]).toLowerCase().indexOf(q) >= 0; }) : null;
      count = 0;
      for (var x = 0; x < n; x++) {
        var at = src ? src[x] : x, kk = K[kind[at]];
        if (rule >= 0 && kk[0] !== rule) continue;
        if (group >= 0 && groupOf[kind[at]] !== group) continue;
        if (sev && kk[3] !== sev) continue;
        if (fix >= 0 && kk[4] !== fix) continue;
        if (folder >= 0 && F[fileOf[at]][1] !== folder) continue;
        if (q && !fileHit[fileOf[at]] && vis(message(at)).toLowerCase().indexOf(q) < 0) continue;
        matched[count++] = at;
      }
      page = 0;
    }

    var body = $('f-rows'), status = $('f-status'), pageBox = $('f-page');
    var SEV = { 1: ['w', 'warning'], 2: ['e', 'error'] }, FIX = { 1: ['safe', 'fix'], 2: ['unsafe', 'unsafe fix'] };
    function draw() {
      var pages = Math.max(1, Math.ceil(count / PAGE));
      if (page >= pages) page = pages - 1;
      var from = page * PAGE, to = Math.min(count, from + PAGE);
      var frag = document.createDocumentFragment();
      for (var x = from; x < to; x++) {
        var at = matched[x], kk = K[kind[at]], file = F[fileOf[at]][0];
        var tr = el('tr', SEV[kk[3]][0]);
        var td = el('td');
        td.appendChild(el('span', 'sev ' + SEV[kk[3]][0], SEV[kk[3]][1]));
        tr.appendChild(td);
        td = el('td', 'loc');
        var a = el('a', '', vis(file));
        a.href = href(file, line[at]);
        a.title = (meta.blob ? 'open on GitHub: ' : 'open ') + vis(file) + (meta.blob && line[at] > 0 ? ' at line ' + line[at] : '');
        td.appendChild(a);
        td.appendChild(el('span', 'lc', ':' + line[at] + ':' + col[at]));
        tr.appendChild(td);
        td = el('td', 'msg', vis(message(at)));
        if (occ[at]) td.appendChild(el('span', 'occ', ' ×' + fmt.format(occ[at])));
        tr.appendChild(td);
        td = el('td', 'rk');
        td.appendChild(el('span', 'rule', R[kk[0]] || 'file messages'));
        td.appendChild(el('span', 'kind', kk[2]));
        tr.appendChild(td);
        td = el('td');
        if (kk[4]) td.appendChild(el('span', 'fix ' + FIX[kk[4]][0], FIX[kk[4]][1]));
        tr.appendChild(td);
        frag.appendChild(tr);
      }
      body.textContent = '';
      body.appendChild(frag);
      status.textContent = count ? 'Showing ' + fmt.format(from + 1) + '–' + fmt.format(to) + ' of ' + fmt.format(count) + (count === n ? ' findings' : ' matching findings (of ' + fmt.format(n) + ')') : 'No finding matches these filters.';
      $('f-list').setAttribute('data-matching', String(count));
      pageBox.textContent = 'page ' + fmt.format(page + 1) + ' of ' + fmt.format(pages);
      $('f-prev').disabled = $('f-first').disabled = page === 0;
      $('f-next').disabled = $('f-last').disabled = page >= pages - 1;
    }
    function save() {
      var s = new URLSearchParams();
      ['rule', 'kind', 'sev', 'folder', 'q', 'fix'].forEach(function (key) { if (ui[key].value) s.set(key, ui[key].value); });
      if (ui.sort.value === 'file') s.set('sort', 'file');
      var h = s.toString();
      try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); } catch (e) { /* file: pages may refuse */ }
    }
    function load() {
      var s = new URLSearchParams(location.hash.slice(1));
      if (s.has('rule')) ui.rule.value = s.get('rule');
      kindOptions();
      ['kind', 'sev', 'folder', 'q'].forEach(function (key) { if (s.has(key)) ui[key].value = s.get(key); });
      // fix=1: the former "fixable" box, which meant any fix.
      ui.fix.value = s.get('fix') === '1' ? '' : s.get('fix') || '';
      if (ui.fix.selectedIndex < 0) ui.fix.value = '';
      if (s.get('sort') === 'file') ui.sort.value = 'file';
    }
    function update() { filter(); draw(); save(); }
    ui.rule.addEventListener('change', function () { kindOptions(); update(); });
    ['kind', 'sev', 'folder', 'fix', 'sort'].forEach(function (key) { ui[key].addEventListener('change', update); });
    var timer = 0;
    ui.q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 250); });
    $('f-first').addEventListener('click', function () { page = 0; draw(); });
    $('f-prev').addEventListener('click', function () { page--; draw(); });
    $('f-next').addEventListener('click', function () { page++; draw(); });
    $('f-last').addEventListener('click', function () { page = Math.ceil(count / PAGE) - 1; draw(); });
    $('f-reset').addEventListener('click', function () {
      ui.rule.value = ''; kindOptions(); ui.kind.value = ''; ui.sev.value = ''; ui.folder.value = ''; ui.fix.value = ''; ui.q.value = '';
      update();
    });
    // Charts and tables above set the filters: a heat cell (folder and rule), a kind, a missing target, a host.
    document.addEventListener('click', function (ev) {
      var t = ev.target.closest && ev.target.closest('[data-filter]');
      if (!t) return;
      ev.preventDefault();
      var s = JSON.parse(t.getAttribute('data-filter'));
      ui.rule.value = s.rule === undefined ? '' : String(R.indexOf(s.rule));
      kindOptions();
      ui.kind.value = s.kind === undefined ? '' : String(groupIndex[R.indexOf(s.rule) + ':' + s.kind]);
      ui.folder.value = s.folder === undefined ? '' : String(meta.folders.indexOf(s.folder));
      ui.q.value = s.q || '';
      ui.sev.value = s.sev || ''; ui.fix.value = s.fix || '';
      update();
      $('findings').scrollIntoView({ behavior: 'smooth' });
    });
    document.addEventListener('keydown', function (ev) {
      var t = ev.target.closest && ev.target.closest('[data-filter]');
      if (t && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); t.click(); }
    });
    load();
    filter();
    draw();
    $('f-controls').removeAttribute('hidden');
    html.setAttribute('data-ready', 'true');
  }

  try {
    Promise.all([gunzip(bytesOf('al-meta')), gunzip(bytesOf('al-data'))])
      .then(function (r) { start(JSON.parse(new TextDecoder().decode(r[0])), r[1]); })
      .catch(fail);
  } catch (e) { fail(e); }
})();
`;
