import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_AGE_GROUPS, FEEDBACK_TEXT_MAX_CHARS, type FeedbackAgeGroup } from '../../../core/kiosk/FeedbackPin';
import type { KioskFeedbackCategory } from '../../../core/kiosk/KioskConfig';
import { graphemeCount, sanitizeComment } from '../../../core/kiosk/sanitizeComment';
import type { Lang } from '../../../core/i18n/Lang';
import type { MessageKey } from '../../../core/i18n/Message';
import { OnScreenKeyboard } from './OnScreenKeyboard';

/** The text without control characters other than the line feed (the rest of the cleaning happens on confirm). */
function withoutControls(v: string): string {
  return [...v].filter((ch) => ch === '\n' || (ch >= ' ' && ch !== '\u007f')).join('');
}

/** What the citizen filled in. */
export interface FeedbackFormValues {
  category: string;
  text: string;
  rating: 1 | 2 | 3 | 4 | 5 | null;
  ageGroup: FeedbackAgeGroup | null;
}

export interface FeedbackFormProps {
  categories: KioskFeedbackCategory[];
  lang: Lang;
  busy: boolean;
  /** A message key to show as an alert (validation or storage error). */
  error: { key: MessageKey; params?: Record<string, unknown> } | null;
  onConfirm(values: FeedbackFormValues): void;
  onCancel(): void;
}

/**
 * The kiosk's comment form: a category (required), a short text typed on the
 * on-screen keyboard (required, at most {@link FEEDBACK_TEXT_MAX_CHARS}
 * characters, cleaned as it is typed), an optional rating 1–5 and an optional
 * age group. Choices are real radio buttons styled as large touch targets.
 * The values live here: when the form closes (confirm, cancel, idle reset)
 * they are gone.
 */
export function FeedbackForm({ categories, lang, busy, error, onConfirm, onCancel }: FeedbackFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [rating, setRating] = useState<FeedbackFormValues['rating']>(null);
  const [ageGroup, setAgeGroup] = useState<FeedbackAgeGroup | null>(null);
  // Control characters are dropped while typing; the limit counts what a person sees as characters.
  const setClean = (v: string) => setText(graphemeCount(v) > FEEDBACK_TEXT_MAX_CHARS ? sanitizeComment(v) : withoutControls(v));
  const count = graphemeCount(text);
  return (
    <form
      className="feedback-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onConfirm({ category, text, rating, ageGroup });
      }}
    >
      <h2 id={`${id}-title`}>{t('feedback.title')}</h2>
      <fieldset className="choice-row">
        <legend>{t('feedback.category')}</legend>
        {categories.map((c) => (
          <label key={c.id} className="choice">
            <input type="radio" name={`${id}-cat`} value={c.id} checked={category === c.id} onChange={() => setCategory(c.id)} />
            <span>{c.label[lang]}</span>
          </label>
        ))}
      </fieldset>
      <label className="feedback-text" htmlFor={`${id}-text`}>
        <span>{t('feedback.text')}</span>
        <textarea id={`${id}-text`} inputMode="none" rows={3} value={text} onChange={(e) => setClean(e.target.value)} aria-describedby={`${id}-count`} />
        <span id={`${id}-count`} className="feedback-count">
          {t('feedback.textCount', { n: count, max: FEEDBACK_TEXT_MAX_CHARS })}
        </span>
      </label>
      <OnScreenKeyboard value={text} onChange={setClean} lang={lang} maxLength={FEEDBACK_TEXT_MAX_CHARS} label={t('feedback.keyboard')} />
      <div className="feedback-optional">
        <fieldset className="choice-row">
          <legend>{t('feedback.rating')}</legend>
          {([1, 2, 3, 4, 5] as const).map((n) => (
            <label key={n} className="choice choice-rating">
              <input type="radio" name={`${id}-rating`} value={n} checked={rating === n} onChange={() => setRating(n)} onClick={() => rating === n && setRating(null)} />
              <span aria-hidden="true">{'★'.repeat(n)}</span>
              <span className="visually-hidden">{t('feedback.ratingN', { n })}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-row">
          <legend>{t('feedback.age')}</legend>
          {FEEDBACK_AGE_GROUPS.map((g) => (
            <label key={g} className="choice">
              <input type="radio" name={`${id}-age`} value={g} checked={ageGroup === g} onChange={() => setAgeGroup(g)} onClick={() => ageGroup === g && setAgeGroup(null)} />
              <span>{t(`feedback.age.${g}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {error && (
        <p className="feedback-error" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      <div className="feedback-actions">
        <button type="button" className="kiosk-btn" onClick={onCancel}>
          {t('feedback.cancel')}
        </button>
        <button type="submit" className="kiosk-btn kiosk-btn-primary" disabled={busy}>
          {busy ? t('feedback.saving') : t('feedback.confirm')}
        </button>
      </div>
    </form>
  );
}
