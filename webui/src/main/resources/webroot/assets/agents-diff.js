// A line diff for the agent's file edits (ACP `diff` content: path, oldText or null, newText), drawn as
// a unified listing. Longest-common-subsequence on lines; big files fall back to "all removed, all added".

import {h} from '/assets/dom.js';

const MAX_LINES = 600;

/** [{op: ' ' | '-' | '+', text}] turning `oldText` into `newText`. */
export function lineDiff(oldText, newText) {
  const before = oldText == null ? [] : splitLines(oldText);
  const after = splitLines(newText || '');
  if (before.length * after.length > MAX_LINES * MAX_LINES) {
    return [...before.map((text) => ({op: '-', text})), ...after.map((text) => ({op: '+', text}))];
  }
  const rows = before.length + 1;
  const cols = after.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lcs[i * cols + j] = before[i] === after[j] ? lcs[(i + 1) * cols + j + 1] + 1
          : Math.max(lcs[(i + 1) * cols + j], lcs[i * cols + j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      out.push({op: ' ', text: before[i]});
      i++;
      j++;
    } else if (lcs[(i + 1) * cols + j] >= lcs[i * cols + j + 1]) {
      out.push({op: '-', text: before[i++]});
    } else {
      out.push({op: '+', text: after[j++]});
    }
  }
  while (i < before.length) out.push({op: '-', text: before[i++]});
  while (j < after.length) out.push({op: '+', text: after[j++]});
  return out;
}

function splitLines(text) {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A diff block: the file's path, counts, and the listing with unchanged runs folded to three lines. */
export function renderDiff(diff) {
  const rows = lineDiff(diff.oldText, diff.newText);
  const added = rows.filter((r) => r.op === '+').length;
  const removed = rows.filter((r) => r.op === '-').length;
  const lines = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (row.op === ' ' && !nearChange(rows, k, 3)) {
      if (lines.length === 0 || !lines[lines.length - 1].classList.contains('diff-gap')) {
        lines.push(h('span', {class: 'diff-line diff-gap'}, '…'));
      }
      continue;
    }
    const kind = row.op === '+' ? 'diff-add' : row.op === '-' ? 'diff-del' : 'diff-same';
    lines.push(h('span', {class: `diff-line ${kind}`}, `${row.op} ${row.text}`));
  }
  return h('div', {class: 'agent-diff'},
      h('div', {class: 'agent-diff-head'},
          h('span', {class: 'mono'}, diff.path || '(file)'),
          h('span', {class: 'muted small'}, diff.oldText == null ? ` new file, +${added}` : ` +${added} −${removed}`)),
      h('pre', {class: 'diff'}, lines));
}

function nearChange(rows, index, distance) {
  for (let d = -distance; d <= distance; d++) {
    const row = rows[index + d];
    if (row && row.op !== ' ') return true;
  }
  return false;
}
