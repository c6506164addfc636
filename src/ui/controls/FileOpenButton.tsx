import { useRef, type InputHTMLAttributes } from 'react';

/** Attributes of the hidden file input (how it is hidden, `accept`, `multiple`, test ids). */
export type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> & { [data: `data-${string}`]: string | boolean };

/**
 * A button that opens the file chooser of a hidden file input, the one way a
 * panel asks for local files. `onFiles` gets every chosen file (possibly
 * none); the input is emptied first, so choosing the same file again fires
 * again.
 */
export function FileOpenButton({ label, input, onFiles }: { label: string; input: FileInputProps; onFiles: (files: File[]) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="btn" onClick={() => ref.current?.click()}>
        {label}
      </button>
      <input
        {...input}
        ref={ref}
        type="file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}
