/** The command line's exit status, the one place it is defined (the README and --help say the same). */
export const EXIT_OK = 0;
/** `check` found at least one error in a table. */
export const EXIT_HAS_ERRORS = 1;
/** A file could not be read, was over a limit, or the arguments are wrong. */
export const EXIT_UNREADABLE = 2;
/** A bug: an unexpected exception (EX_SOFTWARE in sysexits.h). */
export const EXIT_BUG = 70;
