// bt-report's timeline, run in the page: one lane per thread (in process-tree
// order), each kept call a bar coloured by its class with a black mark when it
// failed, time buckets under them when the run had too many calls to keep
// (the share of the thread's time spent in calls). Wheel/W/S zoom at the
// pointer, drag/A/D pan, double-click shows the whole run, hover shows the
// call as bt-show -y prints it. Also: click a table header to sort by it.
// Drawn on a canvas by hand: the charting libraries looked at (uPlot, ECharts)
// draw series over one x axis, not thousands of interval lanes with a
// level-of-detail pass, and would add hundreds of KB to every report.
(() => {
  interface Lane {
    label: string; pid: number; tid: number; proc: number; calls: number; failed: number; busy: number; start: number; end: number;
    /** Kept calls: begin (delta from the previous one), duration, name index, flags (1 failed, 2 unfinished), line index (-1: none). */
    b: number[]; d: number[]; k: number[]; f: number[]; l: number[];
    /** Buckets, flat: index, calls, busy ns, failed, class. */
    g: number[];
  }
  interface Data {
    end: number; bucketNs: number; aggregated: boolean; calls: number; drawn: number; withoutText: number;
    names: string[]; cls: number[]; classes: string[]; colors: string[]; lanes: Lane[]; lines: string[];
  }

  const el = document.getElementById('bt-data');
  const canvas = document.getElementById('tl-canvas') as HTMLCanvasElement | null;
  const tip = document.getElementById('tip');
  // The lanes scroll in #tl (a native scroll bar over a spacer); the canvas stays put and draws what is in view.
  const box = document.getElementById('tl');
  const space = document.getElementById('tl-space');
  if (!el || !canvas || !tip || !box || !space) return;
  const data = JSON.parse(el.textContent ?? '{}') as Data;
  const lanes = data.lanes;
  const begins = lanes.map((l) => {
    const a = new Float64Array(l.b.length);
    let t = 0;
    for (let i = 0; i < a.length; i++) a[i] = t += l.b[i]!;
    return a;
  });
  const ctx = canvas.getContext('2d')!;
  const LABEL = 180;
  const AXIS = 22;
  const ROW = 16;
  const H = Math.min(AXIS + lanes.length * ROW + 4, Math.max(260, Math.round(window.innerHeight * 0.62)));
  let W = 800;
  let dpr = 1;
  let v0 = 0;
  let v1 = data.end;
  let scrollY = 0;
  const maxScroll = (): number => Math.max(0, lanes.length * ROW - (H - AXIS - 4));
  /** Scrolls the lanes (through the scroll bar, which redraws). */
  const scrollTo = (y: number): void => {
    box.scrollTop = Math.min(maxScroll(), Math.max(0, y));
  };
  box.addEventListener('scroll', () => {
    scrollY = box.scrollTop;
    draw();
  });

  const fmt = (ns: number): string => {
    const a = Math.abs(ns);
    if (a < 1e3) return `${Math.round(ns)} ns`;
    if (a < 1e6) return `${+(ns / 1e3).toFixed(2)} µs`;
    if (a < 1e9) return `${+(ns / 1e6).toFixed(2)} ms`;
    return `${+(ns / 1e9).toFixed(3)} s`;
  };
  const xOf = (t: number): number => LABEL + ((t - v0) / (v1 - v0)) * (W - LABEL);
  const tOf = (x: number): number => v0 + ((x - LABEL) / (W - LABEL)) * (v1 - v0);

  /** First kept call of lane i that ends at or after t. Calls of a thread do not overlap, so ends are sorted too. */
  const first = (i: number, t: number): number => {
    const b = begins[i]!;
    const d = lanes[i]!.d;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (b[m]! + d[m]! < t) lo = m + 1;
      else hi = m;
    }
    return lo;
  };

  function draw(): void {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    ctx.font = '11px ui-monospace, SFMono-Regular, Menlo, monospace';
    ctx.textBaseline = 'middle';
    // Axis: a tick every 1, 2 or 5 x 10^k ns.
    const span = v1 - v0;
    const raw = span / Math.max(2, (W - LABEL) / 110);
    const p10 = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * p10).find((s) => s >= raw) ?? p10 * 10;
    ctx.fillStyle = '#555';
    ctx.strokeStyle = '#eee';
    for (let t = Math.ceil(v0 / step) * step; t <= v1; t += step) {
      const x = Math.round(xOf(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, AXIS - 4);
      ctx.lineTo(x, H);
      ctx.stroke();
      ctx.fillText(fmt(t), x + 3, 10);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS, W, H - AXIS);
    ctx.clip();
    const firstLane = Math.max(0, Math.floor(scrollY / ROW));
    const lastLane = Math.min(lanes.length - 1, Math.floor((scrollY + H - AXIS) / ROW));
    for (let i = firstLane; i <= lastLane; i++) {
      const lane = lanes[i]!;
      const y = AXIS + i * ROW - scrollY;
      if (lane.proc % 2) {
        ctx.fillStyle = '#f6f6f9';
        ctx.fillRect(0, y, W, ROW);
      }
      // The thread's life.
      ctx.fillStyle = '#ccc';
      const ls = Math.max(LABEL, xOf(lane.start));
      const le = Math.min(W, xOf(lane.end));
      if (le > ls) ctx.fillRect(ls, y + ROW / 2, le - ls, 1);
      ctx.save();
      ctx.beginPath();
      ctx.rect(LABEL, y, W - LABEL, ROW);
      ctx.clip();
      const g = lane.g;
      for (let j = 0; j < g.length; j += 5) {
        const t = g[j]! * data.bucketNs;
        if (t > v1 || t + data.bucketNs < v0) continue;
        const x0 = xOf(t);
        const x1 = Math.max(x0 + 1, xOf(t + data.bucketNs));
        // Height: the share of the bucket's time the thread spent in calls.
        const h = Math.max(3, Math.min(1, g[j + 2]! / data.bucketNs) * (ROW - 2));
        ctx.globalAlpha = 0.4;
        ctx.fillStyle = data.colors[g[j + 4]!] ?? '#888';
        ctx.fillRect(x0, y + ROW - 1 - h, x1 - x0, h);
        ctx.globalAlpha = 1;
        if (g[j + 3]! > 0) {
          ctx.fillStyle = '#000';
          ctx.fillRect(x0, y + 1, Math.max(1, x1 - x0), 2);
        }
      }
      const b = begins[i]!;
      const d = lane.d;
      let lastX = -1;
      let lastC = -1;
      for (let j = first(i, v0); j < b.length && b[j]! <= v1; j++) {
        const x0 = xOf(b[j]!);
        const x1 = Math.max(x0 + 1, xOf(b[j]! + d[j]!));
        const c = data.cls[lane.k[j]!] ?? 9;
        const failed = (lane.f[j]! & 1) !== 0;
        // Level of detail: a call inside the pixel just drawn in the same colour adds nothing.
        if (!failed && c === lastC && x1 <= lastX) continue;
        ctx.fillStyle = data.colors[c] ?? '#888';
        ctx.fillRect(x0, y + 3, x1 - x0, ROW - 6);
        if (failed) {
          ctx.fillStyle = '#000';
          ctx.fillRect(x0, y + 1, Math.max(2, x1 - x0), 3);
        }
        lastX = Math.ceil(x1);
        lastC = failed ? -1 : c;
      }
      ctx.restore();
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, y, LABEL - 4, ROW);
      ctx.fillStyle = lane.failed ? '#b00020' : '#222';
      ctx.fillText(lane.label.length > 24 ? lane.label.slice(0, 23) + '…' : lane.label, 4, y + ROW / 2);
    }
    ctx.restore();
    ctx.strokeStyle = '#bbb';
    ctx.beginPath();
    ctx.moveTo(LABEL - 0.5, 0);
    ctx.lineTo(LABEL - 0.5, H);
    ctx.stroke();
  }

  function resize(): void {
    dpr = window.devicePixelRatio || 1;
    box!.style.height = `${H}px`;
    space!.style.height = `${maxScroll()}px`;
    W = Math.max(LABEL + 100, canvas!.clientWidth);
    canvas!.width = Math.round(W * dpr);
    canvas!.height = Math.round(H * dpr);
    canvas!.style.height = `${H}px`;
    draw();
  }

  function setView(a: number, b: number): void {
    const minSpan = 50;
    if (b - a < minSpan) {
      const m = (a + b) / 2;
      a = m - minSpan / 2;
      b = m + minSpan / 2;
    }
    const pad = data.end * 0.05;
    const lo = -pad;
    const hi = data.end + pad;
    if (b - a > hi - lo) { a = lo; b = hi; }
    if (a < lo) { b += lo - a; a = lo; }
    if (b > hi) { a -= b - hi; b = hi; }
    v0 = a;
    v1 = b;
    draw();
  }
  const zoom = (factor: number, at: number): void => setView(at - (at - v0) * factor, at + (v1 - at) * factor);
  const reset = (): void => { scrollTo(0); setView(0, data.end); };

  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    if (e.shiftKey) {
      scrollTo(scrollY + (e.deltaY || e.deltaX));
      return;
    }
    const r = canvas.getBoundingClientRect();
    zoom(Math.exp(e.deltaY * 0.0015), tOf(Math.max(LABEL, e.clientX - r.left)));
  }, { passive: false });

  let drag: { x: number; y: number; v0: number; v1: number; s: number } | undefined;
  canvas.addEventListener('mousedown', (e) => { drag = { x: e.clientX, y: e.clientY, v0, v1, s: scrollY }; });
  window.addEventListener('mouseup', () => { drag = undefined; });
  canvas.addEventListener('dblclick', reset);
  canvas.addEventListener('mouseleave', () => { tip.style.display = 'none'; });
  canvas.addEventListener('mousemove', (e) => {
    if (drag) {
      const dt = ((e.clientX - drag.x) / (W - LABEL)) * (drag.v1 - drag.v0);
      scrollTo(drag.s - (e.clientY - drag.y));
      setView(drag.v0 - dt, drag.v1 - dt);
      tip.style.display = 'none';
      return;
    }
    const r = canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    const i = Math.floor((y - AXIS + scrollY) / ROW);
    const lane = lanes[i];
    if (!lane || y < AXIS) { tip.style.display = 'none'; return; }
    const t = tOf(x);
    const tol = (3 * (v1 - v0)) / (W - LABEL);
    let text = `${lane.label} (pid ${lane.pid}): ${lane.calls} calls${lane.failed ? `, ${lane.failed} failed` : ''}`;
    if (x > LABEL) {
      const b = begins[i]!;
      let best = -1;
      for (let j = first(i, t - tol); j < b.length && b[j]! <= t + tol; j++) {
        if (best < 0 || Math.abs(b[j]! + lane.d[j]! / 2 - t) < Math.abs(b[best]! + lane.d[best]! / 2 - t)) best = j;
      }
      if (best >= 0) {
        const li = lane.l[best]!;
        const name = data.names[lane.k[best]!] ?? '?';
        text = `${li >= 0 ? data.lines[li] : `${name}(...) (text left out: the report keeps a limited amount of call text)`}\n`
          + `${fmt(lane.d[best]!)}${lane.f[best]! & 2 ? ' (never returned)' : ''} at +${fmt(b[best]!)} · ${data.classes[data.cls[lane.k[best]!] ?? 9]} · pid ${lane.pid} tid ${lane.tid}`;
      } else if (data.aggregated) {
        const g = lane.g;
        const idx = Math.floor(t / data.bucketNs);
        for (let j = 0; j < g.length; j += 5) {
          if (g[j] !== idx) continue;
          text += `\n${g[j + 1]} calls in ${fmt(idx * data.bucketNs)} - ${fmt((idx + 1) * data.bucketNs)}, ${Math.round((100 * g[j + 2]!) / data.bucketNs)}% of the time in calls${g[j + 3] ? `, ${g[j + 3]} failed` : ''}, mostly ${data.classes[g[j + 4]!]}`;
        }
      }
    }
    tip.textContent = text;
    tip.style.display = 'block';
    tip.style.left = `${Math.min(e.clientX + 14, window.innerWidth - 420)}px`;
    tip.style.top = `${e.clientY + 16}px`;
  });
  window.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return;
    const mid = (v0 + v1) / 2;
    const span = v1 - v0;
    if (e.key === 'w') zoom(0.8, mid);
    else if (e.key === 's') zoom(1.25, mid);
    else if (e.key === 'a') setView(v0 - span * 0.15, v1 - span * 0.15);
    else if (e.key === 'd') setView(v0 + span * 0.15, v1 + span * 0.15);
  });
  document.getElementById('zoom-in')?.addEventListener('click', () => zoom(0.5, (v0 + v1) / 2));
  document.getElementById('zoom-out')?.addEventListener('click', () => zoom(2, (v0 + v1) / 2));
  document.getElementById('zoom-reset')?.addEventListener('click', reset);
  window.addEventListener('resize', resize);
  resize();

  // A process row shows its threads: the timeline scrolls to its first lane.
  for (const tr of Array.from(document.querySelectorAll('#process-tree tr.proc'))) {
    tr.addEventListener('click', () => {
      const pid = Number(tr.getAttribute('data-pid'));
      const i = lanes.findIndex((l) => l.pid === pid);
      if (i < 0) return;
      box.scrollIntoView({ block: 'nearest' });
      scrollTo(i * ROW);
    });
  }

  // Sortable tables: click a header; numbers sort by value, the rest as text.
  for (const table of Array.from(document.querySelectorAll('table.sortable'))) {
    const heads = Array.from(table.querySelectorAll('thead th'));
    heads.forEach((th, col) => {
      let desc = true;
      th.addEventListener('click', () => {
        const body = table.querySelector('tbody');
        if (!body) return;
        const numeric = th.classList.contains('n');
        const key = (tr: Element): string => tr.children[col]?.textContent ?? '';
        const value = (s: string): number => {
          const m = /^([\d.,]+)\s*(B|KiB|MiB|GiB|TiB)?/.exec(s.trim());
          if (!m) return -1;
          const scale: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
          return parseFloat(m[1]!.replace(/,/g, '')) * (m[2] ? scale[m[2]]! : 1);
        };
        const rows = Array.from(body.children);
        rows.sort((a, b) => {
          const r = numeric ? value(key(a)) - value(key(b)) : key(a).localeCompare(key(b));
          return desc ? -r : r;
        });
        desc = !desc;
        body.append(...rows);
      });
    });
  }
})();
