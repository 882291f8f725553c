from .classification import InformationClassMixin
from .pages import InformationPage, PPIDPage, StandarPelayananPage
from .requests import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    DeliveryMethod,
    InformationRequest,
    Objection,
    ObjectionReason,
    ObjectionStatus,
    RequestEvent,
    RequestStatus,
    StaleNotice,
)

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "DeliveryMethod",
    "InformationClassMixin",
    "InformationPage",
    "InformationRequest",
    "Objection",
    "ObjectionReason",
    "ObjectionStatus",
    "PPIDPage",
    "RequestEvent",
    "RequestStatus",
    "StaleNotice",
    "StandarPelayananPage",
]
