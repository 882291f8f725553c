"""python manage.py seed_demo: the demo portal, three OPD subsites, people and content.

Idempotent: a second run finds everything in place and changes nothing. Development only.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from demo import builders, english, jdih
from demo.builders import demo_image
from demo.content import (
    ANNOUNCEMENTS,
    CATEGORIES,
    DEMO_PASSWORD,
    DOCUMENTS,
    EVENTS,
    FOOTER_LINKS,
    GALLERIES,
    NEWS,
    NEWS_TAGS,
    OPDS,
    PROFILE_PAGES,
    QUICK_LINKS,
)
from demo.newsroom import seed_assignments
from demo.opendata import seed_opendata
from demo.ppid import seed_ppid
from demo.skm import seed_skm
from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from opd.provisioning import provision_opd
from opd.roles import Role

User = get_user_model()


class Command(BaseCommand):
    help = (
        "Isi data demo: portal ketapangkab.localhost dan subsitus diskominfo, dinkes, disdikbud, situs JDIH, "
        "pengguna demo per peran, serta berita, pengumuman, agenda, dokumen, galeri, data terbuka, profil "
        "dan menu "
        "berbahasa Indonesia, dan terjemahan Inggrisnya (beranda, profil, daftar, dua berita per OPD) "
        "yang melalui SOP. Hanya untuk pengembangan (DEBUG aktif)."
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
            created_any |= self.seed_jdih(port)
        if created_any:
            self.stdout.write(self.style.SUCCESS("Data demo dibuat."))
        else:
            self.stdout.write("Data demo sudah lengkap; tidak ada yang diubah.")
        self.stdout.write(f"Kata sandi semua pengguna demo: {DEMO_PASSWORD}")
        for spec in OPDS:
            self.stdout.write(f"  http://{spec['hostname']}:{port}/  (admin: /admin/)")
        self.stdout.write(f"  http://{jdih.SPEC['hostname']}:{port}/  (JDIH; umpan JDIHN: /jdihn.json)")

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
            # One hash for every demo user: hashing is deliberately slow, the demo should not be.
            if not hasattr(self, "_password_hash"):
                self._password_hash = make_password(DEMO_PASSWORD)
            user.password = self._password_hash
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
        slug = spec["slug"]
        created_any |= self.seed_profile(home, spec, developer)
        profile = StandardPage.objects.child_of(home).get(slug="profil")
        created_any |= builders.seed_profile_children(profile, developer, PROFILE_PAGES)
        indexes, made = builders.seed_indexes(home, spec, developer)
        created_any |= made
        categories, made = builders.seed_categories(opd, CATEGORIES[slug])
        created_any |= made
        news_index = indexes[NewsIndexPage]
        for number, (title, lead, paragraph) in enumerate(NEWS[slug]):
            created_any |= self.seed_article(
                opd,
                news_index,
                people,
                spec,
                (title, lead, paragraph),
                category=categories[number % len(categories)],
                tags=NEWS_TAGS[number % len(NEWS_TAGS)],
                featured=number == 0,
                days_ago=number * 3,
            )
        created_any |= builders.seed_announcements(
            opd, indexes[builders.AnnouncementIndexPage], people, ANNOUNCEMENTS[slug]
        )
        created_any |= builders.seed_events(opd, indexes[builders.EventIndexPage], people, EVENTS[slug])
        created_any |= builders.seed_documents(
            opd, indexes[builders.DocumentIndexPage], people, DOCUMENTS[slug]
        )
        created_any |= builders.seed_gallery(
            opd, indexes[builders.GalleryIndexPage], people, spec, GALLERIES[slug]
        )
        created_any |= builders.seed_navigation(opd, profile, indexes, QUICK_LINKS, FOOTER_LINKS)
        created_any |= builders.seed_home_blocks(home, spec, developer)
        created_any |= english.seed_english(opd, spec, home, profile, indexes, people)
        created_any |= seed_assignments(opd, people, spec["short_name"])
        created_any |= seed_ppid(opd, home, people, developer)
        created_any |= seed_skm(opd)
        created_any |= seed_opendata(opd, home, people, developer, spec["portal"])
        return created_any

    def seed_jdih(self, port):
        """The Bagian Hukum's JDIH site (demo/jdih.py), its people and its legal products."""
        opd, created_any = jdih.ensure_site(port)
        people = {}
        for role in Role:
            user, made = self.ensure_user(f"{role.value}.{opd.slug}", groups=[opd.group_for(role)])
            people[role] = user
            created_any |= made
        created_any |= jdih.seed_products(opd, people)
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

    def seed_article(self, opd, news_index, people, spec, content, category, tags, featured, days_ago):
        title, lead, paragraph = content
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
            date=timezone.localdate() - timedelta(days=days_ago),
            featured=featured,
        )
        article.categories = [category]
        article.tags.add(*tags)
        builders.add_through_sop(news_index, article, people)
        return True
