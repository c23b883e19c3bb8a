// Export and import of the request history (JSON Lines), with progress.

import {errorOf} from '/assets/api.js';

const CONSOLIDATE_BYTES = 16 << 20;

/**
 * Downloads /api/requests/export as a file, counting entries as they arrive.
 * onProgress({entries, bytes}); resolves {entries, bytes, filename}. Abort with `signal`.
 * Chunks are folded into Blobs as they come, so the browser can keep a large export off the JS heap.
 */
export async function exportHistory({onProgress = () => {}, signal} = {}) {
  const response = await fetch('/api/requests/export', {credentials: 'same-origin', signal});
  if (!response.ok) throw await errorOf(response);
  const filename = filenameOf(response.headers.get('Content-Disposition')) || 'requests.jl';
  const reader = response.body.getReader();
  const blobs = [];
  let pending = [];
  let pendingBytes = 0;
  let bytes = 0;
  let entries = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let i = 0; i < value.length; i++) {
      if (value[i] === 10) entries++;
    }
    pending.push(value);
    pendingBytes += value.length;
    if (pendingBytes >= CONSOLIDATE_BYTES) {
      blobs.push(new Blob(pending));
      pending = [];
      pendingBytes = 0;
    }
    onProgress({entries, bytes});
  }
  blobs.push(new Blob(pending));
  const file = new Blob(blobs, {type: 'application/x-jsonlines'});
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return {entries, bytes, filename};
}

function filenameOf(disposition) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || '');
  return match ? match[1] : null;
}

/**
 * Uploads a JSON Lines file to /api/requests/import (multipart `file`).
 * onProgress({phase: 'uploading'|'processing', loaded, total}); resolves the server's report
 * {imported, errors: ["Line k: ..."], total_errors}; rejects with the server's message.
 */
export function importHistory(file, {onProgress = () => {}} = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/requests/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress({phase: 'uploading', loaded: event.loaded, total: event.lengthComputable ? event.total : file.size});
    xhr.upload.onload = () => onProgress({phase: 'processing', loaded: file.size, total: file.size});
    xhr.onerror = () => reject(new Error('The server is unreachable; nothing was imported.'));
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch (e) {
          reject(new Error('The server answered something unreadable.'));
        }
        return;
      }
      reject(await errorOf(new Response(xhr.responseText, {status: xhr.status, statusText: xhr.statusText})));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
