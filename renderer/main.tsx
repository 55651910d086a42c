import '@xyflow/react/dist/style.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/canvas.css';
import './styles/panels.css';
import './styles/screens.css';
import './styles/forms.css';
import './styles/ops.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n, normaliseLanguage } from './i18n/i18n';
import { useUi } from './store/ui.slice';

// Start in the browser's language; app.info's persisted choice replaces it once loaded.
const startLanguage = normaliseLanguage(navigator.language);
initI18n(startLanguage);
useUi.setState({ language: startLanguage });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
