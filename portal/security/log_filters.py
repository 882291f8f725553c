"""Logging filters for the security loggers (configured in LOGGING, portal/settings)."""

import logging


class DowngradeToWarning(logging.Filter):
    """Log a record at WARNING, without its traceback.

    Django logs every request for a host we do not serve (``DisallowedHost``, mostly scanners
    probing by IP address) at ERROR with a full traceback, whatever level the logger is set
    to: a logger's level only drops records below it. The request was refused with a 400 and
    nothing is broken, so one WARNING line is what the journal (and no error mail) should get.
    """

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = None
        return True
