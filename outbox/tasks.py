"""The task that delivers one queued e-mail."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task


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
def deliver_email(data):
    """Send one message with the real (delivery) backend."""
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
    return message.send()
