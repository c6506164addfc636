import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '../../StoreContext';

/** The staff entry in the kiosk's top bar: opens the PIN pad. */
export function StaffButton() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  return (
    <button type="button" className="kiosk-btn" data-staff="open" onClick={() => store.getState().setStaffScreen('pin')}>
      {t('staff.open')}
    </button>
  );
}
