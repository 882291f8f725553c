"""python manage.py seed_demo: the demo portal, three OPD subsites, people and content.

Idempotent: a second run finds everything in place and changes nothing. Development only.
"""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from demo.content import DEMO_PASSWORD, NEWS, OPDS
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from opd.provisioning import provision_opd
from opd.roles import Role

User = get_user_model()


def demo_image(opd, title, colour):
    """A generated placeholder photo (no download needed), filed in the OPD's collection."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title, collection=opd.collection).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (1200, 675), colour)
    ImageDraw.Draw(picture).text((40, 600), title[:80], fill="white")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"demo-{opd.slug}-{abs(hash(title)) % 10**8}.jpg"),
        description=f"Ilustrasi: {title}",
        caption=title,
        credit=f"Tim Peliput {opd.name}",
        collection=opd.collection,
    )


def publish_through_sop(page, people):
    """Take a draft through every SOP step, as the demo's people would in the admin."""
    page.save_revision(user=people[Role.PENULIS])
    workflow_state = page.get_workflow().start(page, people[Role.PENULIS])
    for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, people[role], "approve")
        workflow_state.refresh_from_db()


class Command(BaseCommand):
    help = (
        "Isi data demo: portal ketapangkab.localhost dan subsitus diskominfo, dinkes, disdikbud, "
        "pengguna demo per peran, dan berita berbahasa Indonesia. Hanya untuk pengembangan (DEBUG aktif)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port situs demo (bawaan 8000).")

    def handle(self, *args, port, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo hanya untuk pengembangan: jalankan dengan DEBUG aktif.")
        # The demo's own workflow transitions would mail every demo user: keep the console quiet.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            developer, made = self.ensure_user("developer", superuser=True)
            created_any = made
            for spec in OPDS:
                created_any |= self.seed_opd(spec, port, developer)
        if created_any:
            self.stdout.write(self.style.SUCCESS("Data demo dibuat."))
        else:
            self.stdout.write("Data demo sudah lengkap; tidak ada yang diubah.")
        self.stdout.write(f"Kata sandi semua pengguna demo: {DEMO_PASSWORD}")
        for spec in OPDS:
            self.stdout.write(f"  http://{spec['hostname']}:{port}/  (admin: /admin/)")

    def ensure_user(self, username, superuser=False, groups=()):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@ketapangkab.go.id",
                "first_name": username.split(".")[0].capitalize(),
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(*groups)
        return user, created

    def seed_opd(self, spec, port, developer):
        result = provision_opd(
            slug=spec["slug"],
            name=spec["name"],
            hostname=spec["hostname"],
            port=port,
            is_portal=spec["portal"],
            default_site=spec["portal"],
        )
        opd = result.opd
        created_any = result.created
        if result.created:
            branding = opd.site.sitebranding
            branding.short_name = spec["short_name"]
            branding.address = spec["address"]
            branding.phone = spec["phone"]
            branding.email = spec["email"]
            branding.accent_colour = spec["accent"]
            branding.facebook_url = f"https://www.facebook.com/{spec['slug']}.ketapang"
            branding.instagram_url = f"https://www.instagram.com/{spec['slug']}.ketapang"
            branding.save()
            home = opd.site.root_page.specific
            home.intro = spec["intro"]
            home.save_revision(user=developer).publish(user=developer)

        people = {}
        for role in Role:
            user, made = self.ensure_user(f"{role.value}.{opd.slug}", groups=[opd.group_for(role)])
            people[role] = user
            created_any |= made

        home = opd.site.root_page.specific
        created_any |= self.seed_profile(home, spec, developer)
        news_index = home.get_children().type(NewsIndexPage).first()
        if news_index is None:
            news_index = NewsIndexPage(title="Berita", slug="berita", intro=f"Berita terbaru {spec['name']}.")
            home.add_child(instance=news_index)
            news_index.save_revision(user=developer).publish(user=developer)
            created_any = True
        for title, lead, paragraph in NEWS[spec["slug"]]:
            created_any |= self.seed_article(opd, news_index.specific, people, spec, title, lead, paragraph)
        return created_any

    def seed_profile(self, home, spec, developer):
        if home.get_children().type(StandardPage).exists():
            return False
        profile = StandardPage(
            title="Profil",
            slug="profil",
            intro=f"Visi, misi, tugas dan fungsi {spec['name']}.",
            body=[
                ("heading", {"text": "Visi", "level": "h2"}),
                (
                    "paragraph",
                    f"<p>Terwujudnya pelayanan {spec['name']} yang cepat, terbuka dan melayani.</p>",
                ),
                ("heading", {"text": "Misi", "level": "h2"}),
                (
                    "paragraph",
                    "<ol><li>Meningkatkan mutu pelayanan publik.</li>"
                    "<li>Mewujudkan keterbukaan informasi publik.</li>"
                    "<li>Memperkuat tata kelola pemerintahan berbasis elektronik.</li></ol>",
                ),
            ],
        )
        home.add_child(instance=profile)
        profile.save_revision(user=developer).publish(user=developer)
        return True

    def seed_article(self, opd, news_index, people, spec, title, lead, paragraph):
        if NewsPage.objects.child_of(news_index).filter(title=title).exists():
            return False
        image = demo_image(opd, title, spec["accent"])
        article = NewsPage(
            title=title,
            lead=lead,
            featured_image=image,
            body=[("paragraph", f"<p>{paragraph}</p>")],
            reporters=f"Tim Peliput {spec['short_name']}",
            photographer=f"Fotografer {spec['short_name']}",
            coverage_place="Ketapang",
            live=False,
            owner=people[Role.PENULIS],
        )
        news_index.add_child(instance=article)
        publish_through_sop(article, people)
        return True
