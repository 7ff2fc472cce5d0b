// The fractal explorer: asks the server for a view, paints the tiles the workers send back as
// Server-Sent Events, and polls the event loop's status. Plain JavaScript, no build step.
'use strict';

const HOME = { cx: -0.5, cy: 0, scale: 3 };
const ZOOM = 4;
const STATUS_EVERY_MS = 500;

const $ = (id) => document.getElementById(id);
const canvas = $('fractal');
const ctx = canvas.getContext('2d');
const overlay = $('overlay').getContext('2d');

const explorer = {
  view: { ...HOME },     // the view the next render shows
  render: null,          // the render in progress, or the last one
  source: null,          // its EventSource
  tilesByWorker: [],     // tiles of the last render: {x, y, width, height, workerId, attempts, failed}
  knownWorkers: new Map(), // worker id -> pid, from the last status poll
};

// ------------------------------------------------------------------ colours

// A cyclic gradient: colour bands repeat as the escape time grows, so every zoom level shows them.
const STOPS = [
  [0.0, [0, 7, 100]], [0.16, [32, 107, 203]], [0.42, [237, 255, 255]],
  [0.64, [255, 170, 0]], [0.86, [0, 2, 0]], [1.0, [0, 7, 100]],
];
const BAND = 6; // a band every BAND² iterations from the start: 36, 144, 324, ...

function gradient(t) {
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i];
    if (t <= t1) {
      const [t0, c0] = STOPS[i - 1];
      const f = (t - t0) / (t1 - t0);
      return c0.map((c, k) => Math.round(c + (c1[k] - c) * f));
    }
  }
  return STOPS[STOPS.length - 1][1];
}

/** One opaque RGBA colour per iteration count (as little-endian 32-bit words); the set itself is black. */
function palette(maxIterations) {
  const colours = new Uint32Array(maxIterations + 1);
  for (let n = 0; n < maxIterations; n++) {
    const [r, g, b] = gradient((Math.sqrt(n) / BAND) % 1);
    colours[n] = (255 << 24 | b << 16 | g << 8 | r) >>> 0;
  }
  colours[maxIterations] = 0xff000000;
  return colours;
}

const WORKER_COLOURS = ['#4f8cff', '#ffb020', '#38d39f', '#e86bff', '#ff6b6b', '#9be15d'];
const workerColour = (id) => WORKER_COLOURS[id % WORKER_COLOURS.length];

// ------------------------------------------------------------------ rendering

function startRender() {
  if (explorer.render && explorer.render.state === 'running') {
    cancelRender();
  }
  closeSource();
  const maxIterations = Number($('iterations').value) || 2000;
  const samples = Number($('samples').value) || 1;
  const query = new URLSearchParams({
    cx: explorer.view.cx, cy: explorer.view.cy, scale: explorer.view.scale, maxIterations, samples,
  });
  const render = {
    id: null, state: 'starting', tiles: 0, rendered: 0, failed: 0, retried: 0, workers: new Set(),
    started: performance.now(), colours: null,
  };
  explorer.render = render;
  explorer.tilesByWorker = [];
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  overlay.clearRect(0, 0, canvas.width, canvas.height);
  showProgress();
  showView();

  const source = new EventSource('api/fractal/render?' + query);
  explorer.source = source;
  const mine = (handler) => (message) => {
    if (explorer.source === source) {
      handler(JSON.parse(message.data));
    }
  };
  source.addEventListener('started', mine((started) => {
    render.id = started.renderId;
    render.state = 'running';
    render.tiles = started.tiles;
    render.view = started.view;
    render.colours = palette(started.view.maxIterations);
    log(`Render started: ${started.tiles} tiles (${started.columns} × ${started.rows}), `
      + `${started.view.maxIterations} iterations, ${started.view.samples}² samples per pixel`);
    showProgress();
  }));
  source.addEventListener('tile', mine((tile) => paintTile(render, tile)));
  source.addEventListener('tile-failed', mine((tile) => failTile(render, tile)));
  source.addEventListener('ended', mine((summary) => endRender(render, summary)));
  source.addEventListener('refused', mine((refusal) => {
    render.state = 'refused';
    log('Render refused: ' + refusal.error, 'error');
    closeSource();
    showProgress();
  }));
  source.onerror = () => {
    if (explorer.source === source) {
      render.state = 'lost';
      log('The event stream broke off; is the application running?', 'error');
      closeSource();
      showProgress();
    }
  };
}

function paintTile(render, tile) {
  const image = ctx.createImageData(tile.width, tile.height);
  const pixels = new Uint32Array(image.data.buffer);
  const colours = render.colours;
  for (let i = 0; i < tile.iterations.length; i++) {
    pixels[i] = colours[tile.iterations[i]];
  }
  ctx.putImageData(image, tile.x, tile.y);
  render.rendered++;
  render.workers.add(tile.workerPid);
  if (tile.attempts > 1) {
    render.retried++;
    log(`Tile ${tile.index} was retried: its first worker died, worker #${tile.workerId} `
      + `(pid ${tile.workerPid}) rendered it on attempt ${tile.attempts}`, 'warn');
  }
  explorer.tilesByWorker.push({ ...tile, iterations: undefined, failed: false });
  drawOverlay();
  showProgress();
}

function failTile(render, tile) {
  ctx.fillStyle = '#5a1020';
  ctx.fillRect(tile.x, tile.y, tile.width, tile.height);
  ctx.strokeStyle = '#ff4d6d';
  ctx.beginPath();
  for (let d = -tile.height; d < tile.width; d += 8) {
    ctx.moveTo(tile.x + Math.max(d, 0), tile.y + Math.max(-d, 0));
    ctx.lineTo(tile.x + Math.min(d + tile.height, tile.width), tile.y + Math.min(tile.width - d, tile.height));
  }
  ctx.stroke();
  render.failed++;
  if (tile.attempts > 1) {
    render.retried++;
  }
  log(`Tile ${tile.index} failed after ${tile.attempts} attempt(s): ${tile.reason}`, 'error');
  explorer.tilesByWorker.push({ ...tile, failed: true });
  drawOverlay();
  showProgress();
}

function endRender(render, summary) {
  render.state = summary.outcome === 'FINISHED' ? 'finished' : 'cancelled';
  const seconds = (summary.millis / 1000).toFixed(2);
  if (summary.outcome === 'FINISHED') {
    log(`Render finished in ${seconds} s: ${summary.rendered} tiles rendered by ${render.workers.size} worker(s)`
      + (summary.failed ? `, ${summary.failed} failed` : '') + (summary.retried ? `, ${summary.retried} retried` : ''));
  } else {
    log(`Render cancelled after ${seconds} s: ${summary.rendered} tiles rendered, ${summary.notSent} never sent `
      + `to a worker, ${summary.discarded} in workers discarded (their futures cancelled)`, 'warn');
  }
  render.seconds = seconds;
  closeSource();
  showProgress();
}

function cancelRender() {
  const render = explorer.render;
  if (!render || render.state !== 'running') {
    return;
  }
  $('cancel').disabled = true;
  fetch(`api/fractal/renders/${encodeURIComponent(render.id)}/cancel`, { method: 'POST' })
    .catch((error) => log('Cancel failed: ' + error, 'error'));
}

function closeSource() {
  if (explorer.source) {
    explorer.source.close();
    explorer.source = null;
  }
}

function drawOverlay() {
  overlay.clearRect(0, 0, canvas.width, canvas.height);
  const byWorker = $('outline').checked;
  overlay.font = '11px system-ui, sans-serif';
  for (const tile of explorer.tilesByWorker) {
    const retried = tile.attempts > 1;
    if (!byWorker && !retried && !tile.failed) {
      continue;
    }
    overlay.setLineDash(retried || tile.failed ? [4, 3] : []);
    overlay.strokeStyle = tile.failed ? '#ff4d6d' : retried ? '#ff2e88' : workerColour(tile.workerId);
    overlay.lineWidth = retried || tile.failed ? 2 : 1;
    overlay.strokeRect(tile.x + 1, tile.y + 1, tile.width - 2, tile.height - 2);
    overlay.fillStyle = overlay.strokeStyle;
    const label = tile.failed ? 'failed' : (byWorker ? '#' + tile.workerId : '') + (retried ? ' ×' + tile.attempts : '');
    overlay.fillText(label.trim(), tile.x + 4, tile.y + 13);
  }
}

// ------------------------------------------------------------------ zoom

function zoomAt(event) {
  const render = explorer.render;
  const shown = render && render.view
    ? { cx: render.view.centerX, cy: render.view.centerY, scale: render.view.scale, width: render.view.width }
    : { ...explorer.view, width: canvas.width };
  const box = canvas.getBoundingClientRect();
  const px = (event.clientX - box.left) * canvas.width / box.width;
  const py = (event.clientY - box.top) * canvas.height / box.height;
  const pixel = shown.scale / shown.width;
  explorer.view = {
    cx: shown.cx + (px - canvas.width / 2) * pixel,
    cy: shown.cy - (py - canvas.height / 2) * pixel,
    scale: event.shiftKey ? Math.min(shown.scale * ZOOM, 8) : shown.scale / ZOOM,
  };
  startRender();
}

function showView() {
  const v = explorer.view;
  const sign = v.cy < 0 ? '−' : '+';
  $('view-label').textContent = `Centre ${v.cx.toPrecision(8)} ${sign} ${Math.abs(v.cy).toPrecision(8)}i, `
    + `width ${v.scale.toPrecision(4)} (zoom × ${(HOME.scale / v.scale).toPrecision(3)})`;
}

// ------------------------------------------------------------------ progress

function showProgress() {
  const render = explorer.render;
  const state = $('render-state');
  if (!render) {
    return;
  }
  const done = render.rendered + render.failed;
  const percent = render.tiles ? Math.round(100 * done / render.tiles) : 0;
  $('progress').value = percent;
  const seconds = render.seconds || ((performance.now() - render.started) / 1000).toFixed(1);
  const words = {
    starting: 'Starting…', running: `${done} / ${render.tiles} tiles · ${percent} % · ${seconds} s`,
    finished: `${done} / ${render.tiles} tiles · 100 % · ${seconds} s`,
    cancelled: `Cancelled at ${done} / ${render.tiles} tiles`, refused: 'Refused', lost: 'Connection lost',
  };
  $('progress-text').textContent = words[render.state] || render.state;
  state.dataset.state = render.state;
  state.dataset.tiles = render.tiles;
  state.dataset.rendered = render.rendered;
  state.dataset.failed = render.failed;
  state.dataset.retried = render.retried;
  $('cancel').disabled = render.state !== 'running';
}

// ------------------------------------------------------------------ status panel

async function pollStatus() {
  try {
    const response = await fetch('api/status', { cache: 'no-store' });
    if (response.ok) {
      showStatus(await response.json());
    }
  } catch (error) {
    $('loop-status').textContent = 'unreachable';
    $('loop-status').className = 'badge DOWN';
  } finally {
    setTimeout(pollStatus, STATUS_EVERY_MS);
  }
}

function showStatus(status) {
  $('loop-name').textContent = `'${status.name}'`;
  $('loop-status').textContent = status.status;
  $('loop-status').className = 'badge ' + status.status;
  $('loop-status').title = status.downReason || '';
  const previous = explorer.knownWorkers;
  const current = new Map(status.workers.map((w) => [w.id, w.pid]));
  const rows = status.workers.map((w) => {
    const row = document.createElement('tr');
    row.dataset.pid = w.pid;
    row.dataset.workerId = w.id;
    if (previous.size && !previous.has(w.id)) {
      row.className = 'new';
    }
    const cells = [`<span class="swatch" style="background:${workerColour(w.id)}"></span>#${w.id}`, w.pid, w.state,
      formatUptime(w.uptimeSeconds), w.eventsDone, w.inFlight];
    row.innerHTML = cells.map((c) => `<td>${c}</td>`).join('');
    return row;
  });
  if (previous.size) {
    const gone = [...previous].filter(([id]) => !current.has(id));
    const added = status.workers.filter((w) => !previous.has(w.id));
    for (const [id, pid] of gone) {
      log(`Worker #${id} (pid ${pid}) is gone`, 'warn');
    }
    for (const w of added) {
      log(`Worker #${w.id} (pid ${w.pid}) started` + (gone.length ? ' to replace it' : ''));
    }
  }
  explorer.knownWorkers = current;
  const lost = status.lostWorkers || [];
  const stillLost = lost.filter((w) => w.replacedBy === null).map((w) => {
    const row = document.createElement('tr');
    row.className = 'lost';
    row.dataset.lostPid = w.pid;
    row.dataset.workerId = w.id;
    const cells = [`<span class="swatch" style="background:${workerColour(w.id)}"></span>#${w.id}`, w.pid, 'LOST',
      `lost ${formatUptime(secondsSince(w.lostAt))} ago`, w.eventsDone, '–'];
    row.innerHTML = cells.map((c) => `<td>${c}</td>`).join('');
    const report = document.createElement('tr');
    report.className = 'lost-report';
    report.innerHTML = '<td colspan="6"></td>';
    report.firstChild.textContent = `${w.report}; its replacement is starting`;
    return [row, report];
  }).flat();
  $('workers').replaceChildren(...rows, ...stillLost);
  $('lost-workers').replaceChildren(...lost.map((w) => {
    const item = document.createElement('li');
    item.dataset.pid = w.pid;
    item.dataset.workerId = w.id;
    item.dataset.replacedBy = w.replacedBy === null ? '' : w.replacedBy;
    item.textContent = `Worker #${w.id} (pid ${w.pid}) lost after ${w.eventsDone} events: ${w.report}; `
      + (w.replacedBy === null ? 'its replacement is starting' : `replaced by worker #${w.replacedBy}`);
    return item;
  }));
  $('lost-none').hidden = lost.length > 0;
  $('queued').textContent = formatNumber(status.queued);
  $('active').textContent = formatNumber(status.active);
  $('rate').textContent = status.eventsPerSecond.toFixed(1);
  $('restarts').textContent = formatNumber(status.restarts);
  $('completed').textContent = 'Results by outcome: ' + (Object.entries(status.completed)
    .filter(([, count]) => count > 0).map(([outcome, count]) => `${outcome} ${count}`).join(', ') || 'none yet');
}

const formatNumber = (value) => (value === null || value === undefined ? '–' : String(Math.round(value)));

const secondsSince = (instant) => Math.max(0, Math.round((Date.now() - Date.parse(instant)) / 1000));

function formatUptime(seconds) {
  const m = Math.floor(seconds / 60);
  return m ? `${m} min ${seconds % 60} s` : `${seconds} s`;
}

// ------------------------------------------------------------------ crash

async function crashWorker() {
  const button = $('crash');
  button.disabled = true;
  log('Sending an event that halts its worker in the middle of the next tile…', 'warn');
  try {
    const response = await fetch('api/crash', { method: 'POST' });
    const report = await response.json();
    if (response.ok) {
      log(`Crash armed: ${report.message}`, 'warn');
    } else {
      log('The crash event failed: ' + (report.message || response.status), 'error');
    }
  } catch (error) {
    log('Crash request failed: ' + error, 'error');
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ log

function log(text, level) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  if (level) {
    item.className = level;
  }
  $('log').prepend(item);
}

// ------------------------------------------------------------------ wiring

$('render').addEventListener('click', startRender);
$('cancel').addEventListener('click', cancelRender);
$('reset').addEventListener('click', () => {
  explorer.view = { ...HOME };
  startRender();
});
$('crash').addEventListener('click', crashWorker);
$('outline').addEventListener('change', drawOverlay);
canvas.addEventListener('click', zoomAt);
setInterval(() => {
  if (explorer.render && explorer.render.state === 'running') {
    showProgress();
  }
}, 200);
showView();
pollStatus();
startRender(); // the first view, on load
