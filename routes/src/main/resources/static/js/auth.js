// The access token, for a FitsFlow that has one: asked for once, when the server first answers 401, and
// traded at once for an HttpOnly sign-in cookie (POST /api/auth/session). The page keeps no copy of the
// token: not in a variable after the exchange, not in localStorage; the browser sends the cookie itself.

import { el } from './dom.js';

const SIGN_IN_PATH = '/api/auth/session';

export const TOKEN_NEEDED = 'This FitsFlow needs its access token.';

let pending = null;

/** Resolves once this browser has signed in: one dialog however many requests were refused meanwhile. */
export function signIn() {
  if (!pending) {
    pending = askForToken().finally(() => {
      pending = null;
    });
  }
  return pending;
}

/** The sign-in dialog, the same on every page, added to it the first time the server asks for the token. */
function tokenDialog() {
  const existing = document.getElementById('token-dialog');
  if (existing) {
    return existing;
  }
  const dialog = el('dialog', { id: 'token-dialog', className: 'token-dialog', 'aria-labelledby': 'token-heading',
    dataset: { testid: 'token-dialog' } },
    el('form', { id: 'token-form' },
      el('h2', { id: 'token-heading' }, 'Access token'),
      el('p', { className: 'note' }, 'This FitsFlow is protected by an access token (', el('code', {}, 'FITSFLOW_SECURITY_TOKEN'),
        '). Enter it once: this browser then keeps a sign-in cookie, never the token.'),
      el('label', { for: 'token-input' }, 'Token'),
      el('input', { id: 'token-input', type: 'password', autocomplete: 'current-password', dataset: { testid: 'token-input' } }),
      el('p', { id: 'token-error', className: 'note error', role: 'alert', dataset: { testid: 'token-error' } }),
      el('button', { id: 'token-submit', type: 'submit', className: 'primary', dataset: { testid: 'token-submit' } }, 'Sign in')));
  document.body.append(dialog);
  return dialog;
}

function askForToken() {
  const dialog = tokenDialog();
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  const error = document.getElementById('token-error');
  return new Promise((resolve, reject) => {
    let signedIn = false;
    const submit = async (event) => {
      event.preventDefault();
      const failure = await exchange(input.value.trim());
      input.value = '';
      if (failure) {
        error.textContent = failure;
        input.focus();
        return;
      }
      signedIn = true;
      dialog.close();
    };
    // Closed by the browser (Escape) without a sign-in: the waiting requests fail, the next one asks again.
    const closed = () => {
      form.removeEventListener('submit', submit);
      dialog.removeEventListener('close', closed);
      if (signedIn) {
        showSignOut(true);
        resolve();
      } else {
        reject(new Error(TOKEN_NEEDED));
      }
    };
    form.addEventListener('submit', submit);
    dialog.addEventListener('close', closed);
    error.textContent = '';
    input.value = '';
    dialog.showModal();
    input.focus();
  });
}

/** @returns null when signed in, else what went wrong, in plain words */
async function exchange(token) {
  if (!token) {
    return 'Enter the token.';
  }
  let response;
  try {
    response = await fetch(SIGN_IN_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token }),
    });
  } catch (e) {
    return 'Server unreachable – try again.';
  }
  if (response.ok) {
    return null;
  }
  return response.status === 401 ? 'That is not the token of this FitsFlow.' : `Sign-in failed (HTTP ${response.status}).`;
}

function showSignOut(visible) {
  document.getElementById('sign-out').hidden = !visible;
}

/** Shows "Sign out" when this FitsFlow has a token and this browser is signed in. */
export async function describeSignIn() {
  try {
    const response = await fetch(SIGN_IN_PATH, { headers: { Accept: 'application/json' } });
    const status = await response.json();
    showSignOut(status.token_required && status.signed_in);
  } catch (e) {
    // the other requests of the page say when the server is unreachable
  }
}

/** Ends this browser's sign-in; the page then asks for the token again. */
export async function signOut() {
  await fetch(SIGN_IN_PATH, { method: 'DELETE' }).catch(() => {});
  window.location.reload();
}
