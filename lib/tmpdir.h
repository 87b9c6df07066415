/*
 * tmpdir.h: scratch files in $TMPDIR (/tmp when unset or empty), made by
 * mkstemp and unlinked at once, so that they are gone however the
 * process ends, a signal included.  tmpfile(3) is not used: glibc's
 * ignores $TMPDIR.  Not for: files renamed into place (idstate.h,
 * ftmodel.h write theirs beside the target, tmpclean.h removes them).
 */
#ifndef CIM_TMPDIR_H
#define CIM_TMPDIR_H

/*
 * Creates and unlinks a scratch file named after prog in $TMPDIR: its
 * descriptor (read-write, mode 0600), or -1 with errno set.  *dir is set
 * to the directory tried, for messages.
 */
int cim_tmpdir_open(const char *prog, const char **dir);
#endif
