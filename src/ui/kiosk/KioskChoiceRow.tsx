/** One button of a {@link KioskChoiceRow}: its id, its caption, and whether it cannot be shown (greyed out). */
export interface KioskChoice<T extends string> {
  id: T;
  text: string;
  disabled?: boolean;
}

/**
 * A row of large touch buttons of which one is chosen (`aria-pressed`), as a
 * labelled group: the kiosk's season, time-of-day and variant pickers.
 */
export function KioskChoiceRow<T extends string>({ label, choices, chosen, onChoose }: { label: string; choices: KioskChoice<T>[]; chosen: T | undefined; onChoose: (id: T) => void }) {
  return (
    <div className="kiosk-row kiosk-wrap" role="group" aria-label={label}>
      {choices.map((c) => (
        <button key={c.id} type="button" className="kiosk-btn kiosk-choice" aria-pressed={chosen === c.id} disabled={c.disabled} onClick={() => onChoose(c.id)}>
          {c.text}
        </button>
      ))}
    </div>
  );
}
