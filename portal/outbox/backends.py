"""An e-mail backend that queues each message as a background task.

Workflow notifications (Ajukan, Setujui, Minta perubahan) are sent while an editor waits for
the page to reload; with SMTP in the request, a slow or unreachable mail server would stall
or break the SOP step. In production this backend queues the message and the worker delivers
it with PORTAL_EMAIL_DELIVERY_BACKEND (SMTP). A failed delivery stays in the task table with
its error.
"""

from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from .tasks import deliver_email, serialise


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data = serialise(message)
            if data is None:
                # Attachments do not travel through a JSON task: deliver them directly.
                from django.conf import settings

                sent += get_connection(settings.PORTAL_EMAIL_DELIVERY_BACKEND).send_messages([message])
                continue
            deliver_email.enqueue(data)
            sent += 1
        return sent
