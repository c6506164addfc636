import type { SelectHTMLAttributes } from 'react';

/** Attributes passed on to the `<select>` (e.g. `disabled`, `data-testid`). */
export type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { [data: `data-${string}`]: string };

/**
 * A labelled field with a select of fixed choices (`label.field` with a
 * caption above the select): the value is one of `options`, each shown by
 * `optionText`, and `onChoose` receives the chosen option, typed.
 */
export function LabelledSelect<T extends string>({ label, value, options, optionText, onChoose, select }: { label: string; value: T; options: readonly T[]; optionText: (o: T) => string; onChoose: (o: T) => void; select?: SelectProps }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select {...select} value={value} onChange={(e) => onChoose(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionText(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
