/**
 * Whether a process is still running: for the folders and locks a command leaves while it
 * works (the build's staging folders, the import's lock), which the next run may take over
 * only when the process that left them has gone.
 */

/** True when a process with this id is running (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
