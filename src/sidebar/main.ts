// Sidebar entry (placeholder until the sidebar feature lands): marks the page as loaded.
const app = document.getElementById('app');
if (app) app.dataset.ready = 'true';
