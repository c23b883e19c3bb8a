// GitHub's device login from the browser: start it, show the code and the link, poll the token status
// until the login succeeds or fails. The device code itself never reaches the browser.

import {api} from '/assets/api.js';
import {copyText, h, replace} from '/assets/dom.js';

const RUNNING = new Set(['starting', 'pending', 'completing']);

export class DeviceLogin {
  /**
   * @param container where the code, the link and the outcome are shown
   * @param onFinished called with the final token status once the login ends
   */
  constructor(container, onFinished) {
    this.container = container;
    this.onFinished = onFinished;
    this.timer = null;
  }

  async start() {
    this.render({status: 'starting'});
    try {
      const flow = await api('/api/config-manager/github-device-login', {method: 'POST'});
      this.follow(flow);
    } catch (error) {
      this.render({status: 'error', error: error.message});
    }
  }

  /** Shows `flow` and keeps polling while it runs. */
  follow(flow) {
    this.render(flow);
    if (RUNNING.has(flow.status)) this.poll(flow.interval);
  }

  poll(intervalSeconds) {
    clearTimeout(this.timer);
    const delay = Math.max(1, Math.min(10, Number(intervalSeconds) || 5)) * 1000;
    this.timer = setTimeout(async () => {
      try {
        const status = await api('/api/config-manager/token-status');
        const flow = status.device_flow || {status: 'idle'};
        this.render(flow);
        if (RUNNING.has(flow.status)) {
          this.poll(flow.interval);
        } else {
          this.onFinished(status);
        }
      } catch (error) {
        this.poll(intervalSeconds);
      }
    }, delay);
  }

  render(flow) {
    switch (flow.status) {
      case 'starting':
        replace(this.container, h('p', {class: 'message message-info'}, 'Asking GitHub for a sign-in code…'));
        break;
      case 'pending':
      case 'completing':
        replace(this.container, this.codeView(flow));
        break;
      case 'success':
        replace(this.container, h('p', {class: 'message message-ok', id: 'login-outcome'},
            h('strong', {}, 'Logged in. '), flow.message || 'Signed in to GitHub.'));
        break;
      case 'error':
        replace(this.container, h('p', {class: 'message message-error', id: 'login-outcome'},
            h('strong', {}, 'Sign-in failed. '), flow.error || 'GitHub refused the login.'));
        break;
      default:
        replace(this.container);
    }
  }

  codeView(flow) {
    const copied = h('span', {class: 'muted small', role: 'status'});
    const expires = flow.expires_at ? new Date(flow.expires_at * 1000).toLocaleTimeString() : null;
    return h('div', {class: 'device-code-box', id: 'device-code-box'},
        h('p', {}, '1. Open ',
            h('a', {href: flow.verification_uri, target: '_blank', rel: 'noopener noreferrer', id: 'verification-link'},
                flow.verification_uri), ' and sign in to GitHub.'),
        h('p', {}, '2. Enter this code:'),
        h('p', {class: 'device-code-row'},
            h('span', {class: 'device-code mono', id: 'user-code'}, flow.user_code || '…'),
            h('button', {type: 'button', class: 'btn-small', onclick: async () => {
              copied.textContent = (await copyText(flow.user_code || '')) ? 'Copied.' : 'Copy failed.';
            }}, 'Copy code'), copied),
        h('p', {class: 'muted small'}, flow.status === 'completing' ? 'GitHub accepted the code; finishing…'
          : `Waiting for you to enter the code${expires ? ` (valid until ${expires})` : ''}. This page checks by itself.`));
  }
}
