// The integration of a target growing night by night, drawn as plain SVG from the API's numbers: a bar per
// night (its own integration) and a line of the running total.

import { formatIntegration } from './astro-format.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 16, right: 16, top: 28, bottom: 30 };

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  children.forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

/** @param nights the target's nights (any order); null integration counts as none */
export function integrationChart(nights) {
  const ordered = [...nights].sort((a, b) => a.date.localeCompare(b.date));
  let total = 0;
  const points = ordered.map((night) => {
    const own = Number(night.integration_seconds) || 0;
    total += own;
    return { date: night.date, own, total };
  });
  const max = Math.max(total, 1);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = plotWidth / Math.max(points.length, 1);
  const x = (i) => PAD.left + step * (i + 0.5);
  const y = (value) => PAD.top + plotHeight - (value / max) * plotHeight;
  const summary = points.length === 0
    ? 'No nights yet'
    : `Integration grows to ${formatIntegration(total)} over ${points.length} night${points.length === 1 ? '' : 's'}, `
      + `from ${points[0].date} to ${points[points.length - 1].date}`;

  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': summary, class: 'chart', 'data-testid': 'chart-svg',
  }, svg('title', {}, summary));
  chart.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(0), y2: y(0), class: 'chart-axis' }));
  chart.append(svg('text', { x: PAD.left, y: PAD.top - 10, class: 'chart-label' }, `total ${formatIntegration(total)}`));
  const barWidth = Math.min(48, step * 0.6);
  points.forEach((p, i) => {
    chart.append(svg('rect', {
      x: x(i) - barWidth / 2, y: y(p.own), width: barWidth, height: Math.max(0, y(0) - y(p.own)), class: 'chart-bar',
      'data-testid': 'chart-bar',
    }, svg('title', {}, `${p.date}: ${formatIntegration(p.own)}, total ${formatIntegration(p.total)}`)));
  });
  if (points.length > 1) {
    chart.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.total)}`).join(' '), class: 'chart-line' }));
  }
  points.forEach((p, i) => chart.append(svg('circle', { cx: x(i), cy: y(p.total), r: 4, class: 'chart-dot' })));
  const labelled = points.length <= 6 ? points.map((p, i) => i) : [0, points.length - 1];
  labelled.forEach((i) => chart.append(svg('text', {
    x: x(i), y: HEIGHT - 10, class: 'chart-label', 'text-anchor': 'middle',
  }, points[i].date.slice(5))));
  return chart;
}
