import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>Planlotse</h1>);
