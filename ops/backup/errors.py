class BackupError(Exception):
    """A backup, a check or a restore that cannot go on; the message says why, in Russian, for the person at the
    terminal."""
