"""The task that delivers one queued e-mail, and tries again later when the server refuses."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Waits before each new attempt after a failed delivery: about a day in all, then give up.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=18),
)


def serialise(message):
    """The message as JSON-able data, or None when it has attachments."""
    if message.attachments:
        return None
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "content_subtype": message.content_subtype,
    }


@task()
def deliver_email(data, attempt=0):
    """Send one message with the real (delivery) backend.

    When the mail server is down or refuses (a connection error, an SMTP error), the next
    attempt is queued with a delay (RETRY_DELAYS) and this one fails, so its error stays in
    the task table. The SOP step that sent the mail was committed long before.
    """
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=get_connection(settings.PORTAL_EMAIL_DELIVERY_BACKEND),
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    try:
        return message.send()
    except (OSError, smtplib.SMTPException):
        backend = deliver_email.get_backend()
        if attempt < len(RETRY_DELAYS) and backend.supports_defer:
            run_after = timezone.now() + RETRY_DELAYS[attempt]
            deliver_email.using(run_after=run_after).enqueue(data, attempt + 1)
            logger.warning(
                "Mail to %s not delivered; attempt %d queued for %s", data["to"], attempt + 2, run_after
            )
        else:
            logger.error("Mail to %s not delivered after %d attempts; giving up", data["to"], attempt + 1)
        raise
