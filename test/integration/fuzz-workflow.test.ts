// Fuzzes submitForAcceptance, acceptTask, rejectTask, cancelTask, saveSettings through dist/Code.js: every answer is a success or a readable error that changed nothing.
// (The functions are fuzzed in three files so that the test workers share them out.)
import { describeFuzzing } from '../helpers/fuzz';

describeFuzzing(['submitForAcceptance', 'acceptTask', 'rejectTask', 'cancelTask', 'saveSettings']);
