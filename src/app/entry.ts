// The page's one entry: `?mode=kiosk` opens the kiosk screen (issue 13), anything else the planner app.
// Each is its own chunk, so the kiosk never runs the planner's composition root and vice versa.
if (new URLSearchParams(location.search).get('mode') === 'kiosk') void import('./kioskMain');
else void import('./main');
