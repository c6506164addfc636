/**
 * Downloads text as a file through a `blob:` link inside the app (no file
 * dialog, nothing leaves the origin). Returns the object URL's lifetime to the
 * browser once the click has been handled.
 *
 * @example downloadText('feedback.csv', csv, 'text/csv;charset=utf-8');
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the url is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
