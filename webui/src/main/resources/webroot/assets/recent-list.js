// The dashboard's live list of recent requests: the newest `limit` entries, updated in place as the
// event feed reports exchanges starting and completing.

import {h, replace} from '/assets/dom.js';
import {requestRow} from '/assets/request-row.js';

export class RecentList {
  /** @param tbody where the rows go; @param limit how many entries are kept */
  constructor(tbody, limit = 50) {
    this.tbody = tbody;
    this.limit = limit;
    this.items = [];
  }

  /** Shows exactly these summaries (newest first). */
  reset(summaries) {
    this.items = summaries.slice(0, this.limit).map((summary) => ({summary, row: requestRow(summary)}));
    if (!this.items.length) {
      replace(this.tbody, h('tr', {}, h('td', {colspan: '8', class: 'empty-state'},
          'No requests yet. Point a client at this gateway and they appear here as they happen.')));
      return;
    }
    replace(this.tbody, this.items.map((item) => item.row));
  }

  /** Adds an entry or updates it in place; returns true when it was new. */
  upsert(summary) {
    const existing = this.items.find((item) => item.summary.id === summary.id);
    if (existing) {
      const row = requestRow(summary);
      existing.row.replaceWith(row);
      existing.summary = summary;
      existing.row = row;
      return false;
    }
    const stamp = Number(summary.timestamp) || 0;
    let index = this.items.findIndex((item) => (Number(item.summary.timestamp) || 0) < stamp);
    if (index < 0) index = this.items.length;
    if (index >= this.limit) return false;
    const row = requestRow(summary);
    row.classList.add('row-new');
    if (!this.items.length) this.tbody.replaceChildren();
    const before = this.items[index];
    if (before) {
      before.row.before(row);
    } else {
      this.tbody.append(row);
    }
    this.items.splice(index, 0, {summary, row});
    while (this.items.length > this.limit) {
      this.items.pop().row.remove();
    }
    return true;
  }

  /** How many of the listed exchanges are still running. */
  inFlightCount() {
    return this.items.filter((item) => ['pending', 'sending', 'receiving'].includes(item.summary.state)).length;
  }
}
