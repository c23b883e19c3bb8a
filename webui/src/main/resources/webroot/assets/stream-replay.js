// Replaying a recorded stream: step or play through its events and watch the answer being assembled.

import {h, replace} from '/assets/dom.js';
import {renderJson} from '/assets/json-view.js';
import {assembledAt, assembleStream} from '/assets/stream-assembly.js';

const SPEEDS = [['10', '10 events/s'], ['50', '50 events/s'], ['250', '250 events/s']];
const LIST_PAGE = 300;

/** A replay player for `events` (the recorded `data:` payloads). */
export function streamReplay(events) {
  const assembly = assembleStream(events);
  const last = assembly.steps.length - 1;
  let position = last;
  let timer = null;

  const slider = h('input', {type: 'range', min: '0', max: String(Math.max(0, last)), value: String(position),
    id: 'replay-position', 'aria-label': 'Event shown'});
  const counter = h('output', {for: 'replay-position', class: 'muted', id: 'replay-counter'});
  const playButton = h('button', {type: 'button', class: 'btn-primary', id: 'replay-play'}, 'Replay');
  const speed = h('select', {id: 'replay-speed', 'aria-label': 'Replay speed'},
      SPEEDS.map(([value, label]) => h('option', {value, selected: value === '50'}, label)));
  const answer = h('pre', {class: 'replay-text', id: 'replay-text', 'aria-label': 'Answer assembled so far'});
  const thinking = h('pre', {class: 'replay-thinking muted', id: 'replay-thinking', hidden: true});
  const tools = h('div', {id: 'replay-tools'});
  const eventView = h('div', {id: 'replay-event'});
  const eventLabel = h('p', {class: 'mono small', id: 'replay-event-label'});

  function show(k) {
    position = Math.max(0, Math.min(last, k));
    slider.value = String(position);
    const step = assembly.steps[position];
    const so = assembledAt(assembly, position);
    counter.textContent = `Event ${position + 1} of ${assembly.steps.length}`;
    answer.textContent = so.text || (so.tools.length ? '' : '(no text yet)');
    thinking.hidden = !so.thinking;
    thinking.textContent = so.thinking ? `Thinking: ${so.thinking}` : '';
    replace(tools, so.tools.map((tool) => h('div', {class: 'replay-tool'},
        h('strong', {}, `Tool call ${tool.name || ''}`), tool.id ? h('span', {class: 'muted small'}, ` ${tool.id}`) : null,
        h('pre', {}, tool.arguments || ' '))));
    eventLabel.textContent = step ? `#${step.index + 1} ${step.label}` : '';
    replace(eventView, step ? renderJson(step.data ?? step.raw, {expandDepth: 3, label: 'The event'}) : '');
    listItems.forEach((item) => item.setAttribute('aria-current', String(Number(item.dataset.step) === position)));
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    playButton.textContent = 'Replay';
  }

  function play() {
    if (timer) {
      stop();
      return;
    }
    if (position >= last) show(0);
    playButton.textContent = 'Pause';
    timer = setInterval(() => {
      if (position >= last || !playButton.isConnected) {
        stop();
        return;
      }
      show(position + 1);
    }, 1000 / Number(speed.value));
  }

  slider.addEventListener('input', () => {
    stop();
    show(Number(slider.value));
  });
  playButton.addEventListener('click', play);
  speed.addEventListener('change', () => {
    if (timer) {
      stop();
      play();
    }
  });

  const listItems = [];
  const list = h('ol', {class: 'replay-list', start: '1'});
  const addListItems = (from) => {
    const end = Math.min(assembly.steps.length, from + LIST_PAGE);
    for (let i = from; i < end; i++) {
      const item = h('button', {type: 'button', class: 'btn-ghost btn-small mono replay-step', dataset: {step: String(i)}},
          assembly.steps[i].label);
      item.addEventListener('click', () => {
        stop();
        show(i);
      });
      listItems.push(item);
      list.append(h('li', {}, item));
    }
    if (end < assembly.steps.length) {
      const more = h('button', {type: 'button', class: 'btn-small'}, `Show ${Math.min(LIST_PAGE, assembly.steps.length - end)} more`);
      more.addEventListener('click', () => {
        more.parentElement.remove();
        addListItems(end);
      });
      list.append(h('li', {}, more));
    }
  };
  addListItems(0);

  const summary = [
    assembly.format ? `Format: ${assembly.format}` : null,
    assembly.stopReason ? `stop: ${assembly.stopReason}` : null,
    `${assembly.text.length.toLocaleString()} characters of text`,
    assembly.tools.length ? `${assembly.tools.length} tool call(s)` : null,
  ].filter(Boolean).join(' · ');

  const player = h('div', {class: 'replay', id: 'stream-replay'},
      h('p', {class: 'muted small'}, summary),
      h('div', {class: 'toolbar replay-controls'},
          playButton,
          h('button', {type: 'button', 'aria-label': 'Previous event', onclick: () => { stop(); show(position - 1); }}, '◀'),
          h('button', {type: 'button', 'aria-label': 'Next event', onclick: () => { stop(); show(position + 1); }}, '▶'),
          h('button', {type: 'button', id: 'replay-end', onclick: () => { stop(); show(last); }}, 'End'),
          speed, counter),
      slider,
      h('div', {class: 'grid-2'},
          h('section', {'aria-labelledby': 'replay-answer-title'},
              h('h4', {id: 'replay-answer-title'}, 'Answer so far'), thinking, answer, tools),
          h('section', {'aria-labelledby': 'replay-event-title'},
              h('h4', {id: 'replay-event-title'}, 'This event'), eventLabel, eventView)),
      h('details', {class: 'panel'}, h('summary', {}, `All ${assembly.steps.length} events`),
          h('div', {class: 'panel-body'}, list)));
  if (last >= 0) {
    show(last);
  } else {
    replace(player, h('p', {class: 'empty-state'}, 'No events were recorded.'));
  }
  return player;
}
