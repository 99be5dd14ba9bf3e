/** Entry point of the CLI process. */
import { runFromProcess } from './main.js';

await runFromProcess();
