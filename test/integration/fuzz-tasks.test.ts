// Fuzzes createTask, updateProgress, addSyncRecord, getSidebarModel, getSettings through dist/Code.js: every answer is a success or a readable error that changed nothing.
// (The functions are fuzzed in three files so that the test workers share them out.)
import { describeFuzzing } from '../helpers/fuzz';

describeFuzzing(['createTask', 'updateProgress', 'addSyncRecord', 'getSidebarModel', 'getSettings']);
