import { useAppState, useAppStoreApi } from '../../StoreContext';
import { StaffPanel } from './StaffPanel';
import { StaffPinPad } from './StaffPinPad';

/** The staff area over the kiosk screen: the PIN pad, then (right PIN) the list and map of all pins. */
export function StaffScreen() {
  const store = useAppStoreApi();
  const screen = useAppState((s) => s.staffScreen);
  const config = useAppState((s) => s.kioskConfig);
  const lockout = useAppState((s) => s.staffLockout);
  if (screen === 'closed' || !config) return null;
  if (screen === 'pin') {
    return (
      <div className="staff-screen" data-staff="pin">
        <StaffPinPad
          pinHash={config.staffPin}
          lockout={lockout}
          onLockout={(l) => store.getState().setStaffLockout(l)}
          onUnlock={() => store.getState().setStaffScreen('list')}
          onCancel={() => store.getState().setStaffScreen('closed')}
        />
      </div>
    );
  }
  return <StaffPanel />;
}
