// The frame every page shares: the navigation bar (rendered into <header id="nav">), the theme toggle,
// the live-feed indicator and the banners (server unreachable, admin token needed).
//
//   import {mountLayout} from '/assets/layout.js';
//   mountLayout('requests');

import {h, replace} from '/assets/dom.js';

/** The pages in the navigation bar, in order. `id` is what mountLayout takes. */
export const NAV_ITEMS = Object.freeze([
  {id: 'dashboard', href: '/', label: 'Dashboard'},
  {id: 'requests', href: '/requests', label: 'Requests'},
  {id: 'tokens', href: '/code-agent-manager', label: 'Tokens & usage'},
  {id: 'sync', href: '/code-agent-manager/config', label: 'Sync & tools'},
  {id: 'agents', href: '/agent', label: 'Agents'},
  {id: 'settings', href: '/settings', label: 'Settings'},
]);

const THEME_KEY = 'ghc-theme';
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

applyTheme(storedTheme());

/**
 * Renders the navigation bar into <header id="nav"> with `activePage` (an id of NAV_ITEMS) marked as
 * the current page, adds the skip link and the banner area, and starts showing server and admin-token
 * problems as banners. Safe to call once per page.
 */
export function mountLayout(activePage) {
  const header = document.getElementById('nav') || document.body.insertBefore(h('header', {id: 'nav'}),
      document.body.firstChild);
  const main = document.querySelector('main');
  if (main) {
    if (!main.id) main.id = 'main';
    main.setAttribute('tabindex', '-1');
  }
  document.body.insertBefore(h('a', {class: 'skip-link', href: `#${main ? main.id : 'nav'}`}, 'Skip to content'),
      document.body.firstChild);

  const links = h('ul', {class: 'nav-links', id: 'nav-links'}, NAV_ITEMS.map((item) => h('li', {},
      h('a', {href: item.href, 'aria-current': item.id === activePage ? 'page' : null}, item.label))));
  const menuButton = h('button', {
    type: 'button', class: 'nav-menu-button btn-small', 'aria-expanded': 'false', 'aria-controls': 'nav-links',
    onclick: () => {
      const open = links.classList.toggle('nav-open');
      menuButton.setAttribute('aria-expanded', String(open));
    },
  }, 'Menu');
  const themeButton = h('button', {type: 'button', class: 'btn-small', id: 'theme-toggle', onclick: toggleTheme});
  const live = h('span', {class: 'live-indicator', id: 'live-indicator', hidden: true, role: 'status'});
  const adminSession = h('span', {id: 'admin-session'});
  renderSignOut(adminSession);

  replace(header, h('nav', {class: 'nav', 'aria-label': 'Main'},
      h('a', {class: 'nav-brand', href: '/'}, h('img', {src: '/favicon.svg', alt: ''}), 'ghc-api'),
      menuButton,
      links,
      h('div', {class: 'nav-tools'}, live, adminSession, themeButton)));
  header.after(h('div', {class: 'banner-area', id: 'banners'}));
  renderThemeButton();
  darkQuery.addEventListener('change', renderThemeButton);

  window.addEventListener('ghc:server', (event) => {
    if (event.detail.reachable) {
      hideOffline();
    } else {
      showOffline(event.detail.message);
    }
  });
  window.addEventListener('ghc:auth-required', (event) => showAdminTokenForm(event.detail.message));
}

// ---------- banners ----------

/**
 * Shows (or replaces) the banner `id`. kind: error | warn | info | ok. content: text or nodes.
 * Banners live in a polite live region, so screen readers hear them once.
 */
export function showBanner(id, kind, ...content) {
  const area = document.getElementById('banners') || document.querySelector('main') || document.body;
  let banner = document.getElementById(`banner-${id}`);
  if (!banner) {
    banner = h('div', {id: `banner-${id}`, role: kind === 'error' ? 'alert' : 'status'});
    area.append(banner);
  }
  banner.className = `banner banner-${kind}`;
  replace(banner, ...content);
  return banner;
}

export function hideBanner(id) {
  const banner = document.getElementById(`banner-${id}`);
  if (banner) banner.remove();
}

/** The "server unreachable" banner: pages keep what they show and say it may be out of date. */
export function showOffline(message) {
  showBanner('offline', 'error', h('strong', {}, 'Server unreachable.'),
      ` ${message || 'The ghc-api server does not answer.'} What you see may be out of date; `
      + 'this page reconnects by itself.');
  document.documentElement.classList.add('server-offline');
}

export function hideOffline() {
  hideBanner('offline');
  document.documentElement.classList.remove('server-offline');
}

/** The live-feed indicator in the navigation bar. state: connecting | open | reconnecting | closed. */
export function setLiveState(state) {
  const live = document.getElementById('live-indicator');
  if (!live) return;
  const labels = {connecting: 'Connecting…', open: 'Live', reconnecting: 'Reconnecting…', closed: 'Not live'};
  live.hidden = false;
  live.textContent = labels[state] || state;
  live.className = `live-indicator live-${state === 'open' ? 'open' : state === 'closed' ? 'closed' : 'connecting'}`;
  live.title = state === 'open' ? 'Updates arrive as they happen' : 'Live updates are paused until the server answers';
}

// ---------- admin token (needed when the server is configured with admin_token) ----------

const SESSION_PATH = '/api/admin-session';

/** A "Sign out" button when this browser is signed in with the admin token (the cookie is HttpOnly). */
async function renderSignOut(slot) {
  let session;
  try {
    const response = await fetch(SESSION_PATH, {credentials: 'same-origin'});
    if (!response.ok) return;
    session = await response.json();
  } catch (e) {
    return;
  }
  if (!session.signed_in) return;
  replace(slot, h('button', {type: 'button', class: 'btn-small btn-ghost', title: 'Forget the admin token in this browser',
    onclick: async () => {
      await fetch(SESSION_PATH, {method: 'DELETE', credentials: 'same-origin'});
      window.location.reload();
    }}, 'Sign out'));
}

function showAdminTokenForm(message) {
  if (document.getElementById('banner-admin-token')) return;
  const input = h('input', {type: 'password', id: 'admin-token-input', autocomplete: 'current-password', required: true,
    minlength: '1', oninput: () => input.setCustomValidity('')});
  const form = h('form', {onsubmit: async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    const response = await fetch(SESSION_PATH, {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify({token})});
    if (response.ok) {
      window.location.reload();
      return;
    }
    input.setCustomValidity(response.status === 401 ? 'That is not this server\'s admin token.'
      : `Sign-in failed (HTTP ${response.status}).`);
    input.reportValidity();
  }}, h('label', {for: 'admin-token-input'}, 'Admin token'), input,
  h('button', {type: 'submit', class: 'btn-primary'}, 'Sign in'));
  showBanner('admin-token', 'warn', h('span', {}, h('strong', {}, 'Sign in needed. '),
      message || 'This server needs its admin token.'), form);
  input.focus();
}

// ---------- theme ----------

function storedTheme() {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch (e) {
    return null;
  }
}

function applyTheme(theme) {
  if (theme) {
    document.documentElement.dataset.theme = theme;
  } else {
    delete document.documentElement.dataset.theme;
  }
}

/** The theme in effect: the stored choice, else the system's preference. */
export function currentTheme() {
  return storedTheme() || (darkQuery.matches ? 'dark' : 'light');
}

function toggleTheme() {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(THEME_KEY, next);
  } catch (e) {
    // private mode: the choice lasts for this page only
  }
  applyTheme(next);
  renderThemeButton();
  window.dispatchEvent(new CustomEvent('ghc:theme', {detail: {theme: next}}));
}

function renderThemeButton() {
  const button = document.getElementById('theme-toggle');
  if (!button) return;
  const dark = currentTheme() === 'dark';
  button.textContent = dark ? 'Light theme' : 'Dark theme';
  button.setAttribute('aria-label', dark ? 'Switch to the light theme' : 'Switch to the dark theme');
}
