/*
 * tmpclean.h: removes a temporary file when a signal ends the process.
 *
 * A tool writing a state or model file writes it to a temporary file
 * beside it and renames that over the old one; a SIGTERM, SIGINT or
 * SIGHUP in between would leave the temporary behind.  While a path is
 * set, those signals (unless ignored) unlink it, then end the process by
 * the same signal.  One path at a time.
 */
#ifndef CIM_TMPCLEAN_H
#define CIM_TMPCLEAN_H

/* Removes path if a signal ends the process before cim_tmpclean_clear(). */
void cim_tmpclean_set(const char *path);
/* mkstemp(template), and the file is removed as cim_tmpclean_set()
 * says, with no moment between the two when a signal would leave it. */
int cim_tmpclean_mkstemp(char *template);
/* Forgets the path (after renaming or removing it). */
void cim_tmpclean_clear(void);

#endif
