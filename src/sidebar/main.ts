// Sidebar entry: starts the app in #app (see app.ts); bundled and inlined into dist/Sidebar.html by build.mjs.
import { startSidebar } from './app';

const root = document.getElementById('app');
if (root) startSidebar(root);
