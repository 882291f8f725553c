"""Factories for OPDs and their people. An OPD is made by the real provisioning code."""

import factory
from django.contrib.auth import get_user_model

from opd.provisioning import provision_opd

TEST_PASSWORD = "kata-sandi-uji-123"


def make_opd(slug, name=None, is_portal=False):
    """Provision an OPD exactly as create_opd_site does, on <slug>.ketapangkab.localhost."""
    hostname = "ketapangkab.localhost" if is_portal else f"{slug}.ketapangkab.localhost"
    return provision_opd(
        slug=slug,
        name=name or f"Dinas {slug.capitalize()}",
        hostname=hostname,
        is_portal=is_portal,
        default_site=is_portal,
    ).opd


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@ketapangkab.go.id")
    first_name = factory.LazyAttribute(lambda user: user.username.split(".")[0].capitalize())

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or TEST_PASSWORD)
        if create:
            user.save(update_fields=["password"])


def member(opd, role, username=None):
    """A user holding one SOP role in one OPD, e.g. member(dinkes, Role.EDITOR)."""
    user = UserFactory(username=username or f"{role}.{opd.slug}")
    user.groups.add(opd.group_for(role))
    return user
