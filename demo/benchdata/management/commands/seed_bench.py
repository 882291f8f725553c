"""python manage.py seed_bench --sites N --articles M: a regency-scale data set for the benchmark.

Sites come from the OPD provisioning (site, home pages, groups, workflow) and the demo's
builders (list pages, menus, home blocks); the many pages are inserted in bulk
(``demo.benchdata.bulk``) with their revisions, categories, tags, a year of SOP history
(workflow and task states, mutu baku timings) and search-index entries. One OPD, the first,
is large (the page explorer and "page 200" of its news list) and its Editor has 200 pages
waiting. Development and benchmark databases only: it refuses to run on a database that
already holds other content.
"""

import random
import time
from datetime import datetime, timedelta
from datetime import time as clock

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.search.backends import get_search_backend

from demo import builders
from demo.benchdata import bulk
from demo.content import FOOTER_LINKS, PROFILE_PAGES, QUICK_LINKS
from home.models import StandardPage
from moderation.compliance.models import PublicationTiming, Step, StepTiming
from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from news.events.models import EventIndexPage, EventPage
from news.library.models import DocumentIndexPage, DocumentPage, DocumentStatus, DocumentType
from news.models import NewsIndexPage, NewsPage, NewsPageTag
from opd.models import OPD
from opd.provisioning import provision_opd
from opd.roles import Role

PASSWORD = "ketapang-bench-2026"  # noqa: S105 - a benchmark database's throwaway accounts
PORTAL_SLUG = "ketapangkab"
LARGE_OPD_ARTICLES = 2500  # page 200 of a 12-per-page list needs 2,389
WAITING_TASKS = 200
PER_SITE = {"announcements": 30, "events": 30, "documents": 30}
CATEGORIES = [
    ("pemerintahan", "Pemerintahan"),
    ("pembangunan", "Pembangunan"),
    ("kesehatan", "Kesehatan"),
    ("pendidikan", "Pendidikan"),
    ("ekonomi", "Ekonomi"),
    ("sosial", "Sosial"),
]
WORDS = [
    "pelayanan",
    "publik",
    "masyarakat",
    "kabupaten",
    "ketapang",
    "kecamatan",
    "desa",
    "jalan",
    "jembatan",
    "puskesmas",
    "sekolah",
    "bantuan",
    "sosial",
    "pertanian",
    "perkebunan",
    "sawit",
    "nelayan",
    "banjir",
    "kesehatan",
    "imunisasi",
    "posyandu",
    "pendidikan",
    "guru",
    "siswa",
    "anggaran",
    "pembangunan",
    "infrastruktur",
    "pariwisata",
    "budaya",
    "festival",
    "koperasi",
    "umkm",
    "pasar",
    "perizinan",
    "investasi",
    "lingkungan",
    "sampah",
    "air",
    "bersih",
    "listrik",
    "internet",
    "digital",
    "kependudukan",
]
RARE_WORD = "ombudsmanisasi"  # appears in exactly one article: the benchmark's "rare word" search


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def share(total, sites):
    """Articles per OPD: the first is large when there is enough to go round, the rest equal."""
    if sites == 1 or total < 2 * LARGE_OPD_ARTICLES:
        return [total // sites + (1 if i < total % sites else 0) for i in range(sites)]
    rest = total - LARGE_OPD_ARTICLES
    return [LARGE_OPD_ARTICLES] + [
        rest // (sites - 1) + (1 if i < rest % (sites - 1) else 0) for i in range(sites - 1)
    ]


class Command(BaseCommand):
    help = (
        "Isi basis data benchmark: portal dan N situs OPD, M berita terbit dengan gambar, kategori, "
        "tag, riwayat SOP, ditambah pengumuman, agenda dan dokumen. Untuk basis data benchmark saja."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sites", type=int, default=40, help="Jumlah situs OPD (bawaan 40).")
        parser.add_argument(
            "--articles", type=int, default=20000, help="Jumlah berita terbit (bawaan 20000)."
        )
        parser.add_argument(
            "--waiting",
            type=int,
            default=WAITING_TASKS,
            help="Halaman menunggu Editor OPD pertama (bawaan 200).",
        )
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--domain", default="ketapangkab.localhost")
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument("--no-progress", action="store_true", help="Tanpa bilah kemajuan.")

    def handle(self, *args, sites, articles, waiting, port, domain, seed, no_progress, **options):
        from tqdm import tqdm

        if sites < 1 or articles < 0:
            raise CommandError("--sites minimal 1 dan --articles tidak negatif.")
        if OPD.objects.exists():
            raise CommandError(
                "Basis data sudah berisi OPD: seed_bench hanya untuk basis data benchmark kosong."
            )
        self.rng = random.Random(seed)  # noqa: S311 - made-up content, reproducible
        self.progress = lambda iterable=None, **kw: tqdm(iterable, disable=no_progress, **kw)
        self.now = timezone.now()
        started = time.monotonic()
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            with transaction.atomic():
                self.password = make_password(PASSWORD)
                self.developer = self.user("developer", superuser=True)
                self.tags = [Tag.objects.get_or_create(name=w, slug=w)[0] for w in WORDS[:30]]
                opds = [self.site(PORTAL_SLUG, "Pemerintah Kabupaten Ketapang", domain, port, portal=True)]
                for number in self.progress(range(1, sites + 1), desc="situs OPD", unit="situs"):
                    slug = f"opd{number:02d}"
                    opds.append(self.site(slug, f"Dinas Benchmark {number:02d}", f"{slug}.{domain}", port))
            self.opds = opds
            counts = share(articles, sites)
            bar = self.progress(total=articles, desc="berita", unit="berita")
            for opd, count in zip(opds[1:], counts, strict=True):
                with transaction.atomic():
                    self.news(opd, count, bar)
                    self.other_content(opd)
            bar.close()
            with transaction.atomic():
                self.waiting(opds[1], waiting)
            self.index()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # the planner's statistics after the bulk inserts
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"{sites} situs OPD, {articles} berita dan riwayat SOP dibuat dalam {elapsed:.0f} detik. "
                f"Kata sandi semua akun: {PASSWORD}; OPD besar: opd01.{domain}."
            )
        )

    # --- people and sites -------------------------------------------------------------------
    def user(self, username, superuser=False, groups=()):
        user = get_user_model().objects.create(
            username=username,
            email=f"{username}@ketapangkab.go.id",
            first_name=username.split(".")[0].capitalize(),
            is_superuser=superuser,
            is_staff=superuser,
            password=self.password,
        )
        user.groups.add(*groups)
        return user

    def site(self, slug, name, hostname, port, portal=False):
        opd = provision_opd(slug, name, hostname, port=port, is_portal=portal, default_site=portal).opd
        opd.people = {role: self.user(f"{role.value}.{slug}", groups=[opd.group_for(role)]) for role in Role}
        home = opd.site.root_page.specific
        spec = {"name": name, "portal": portal}
        profile, _made = builders.ensure_child(
            home, StandardPage, self.developer, title="Profil", slug="profil", intro=f"Profil {name}."
        )
        builders.seed_profile_children(profile, self.developer, PROFILE_PAGES)
        opd.indexes, _made = builders.seed_indexes(home, spec, self.developer)
        opd.categories, _made = builders.seed_categories(opd, CATEGORIES)
        builders.seed_navigation(opd, profile, opd.indexes, QUICK_LINKS, FOOTER_LINKS)
        builders.seed_home_blocks(home, spec, self.developer)
        colour = (self.rng.randrange(40, 160), self.rng.randrange(40, 160), self.rng.randrange(40, 160))
        opd.images = [builders.demo_image(opd, f"Foto kegiatan {name} {n}", colour) for n in range(4)]
        workflow = home.get_workflow()
        opd.tasks = [task.specific for task in workflow.tasks]
        opd.workflow = workflow
        return opd

    # --- news with a year of SOP history ----------------------------------------------------
    def published_at(self, days_ago):
        day = timezone.localdate(self.now) - timedelta(days=days_ago)
        return timezone.make_aware(datetime.combine(day, clock(hour=8 + self.rng.randrange(8))))

    def article(self, opd, number, days_ago, live=True):
        rng = self.rng
        title = f"{sentence(rng, 6)[:-1]} {opd.name} {number}"
        body = " ".join(sentence(rng, 18) for _ in range(6))
        if opd.slug == "opd01" and number == 7:
            body += f" Program {RARE_WORD} diluncurkan."
        page = NewsPage(
            title=title,
            slug=f"berita-{number}",
            date=timezone.localdate(self.now) - timedelta(days=days_ago),
            lead=sentence(rng, 20),
            body=[("paragraph", f"<p>{body}</p>")],
            featured_image=opd.images[number % len(opd.images)],
            featured=number % 50 == 0,
            reporters=f"Tim Peliput {opd.name}",
            coverage_place="Ketapang",
            first_published_at=self.published_at(days_ago) if live else None,
        )
        page.categories = [opd.categories[number % len(opd.categories)]]
        page.tags.add(*rng.sample(self.tags, 2))
        return page

    def news(self, opd, count, bar=None, start=0):
        """``count`` published articles, numbered from ``start``, spread over the last year."""
        index = opd.indexes[NewsIndexPage]
        pages = []
        # Oldest first in the tree, as they would have been written.
        for number in range(start, start + count):
            days_ago = int(365 * (start + count - number) / max(count, 1))
            pages.append(self.article(opd, number, days_ago))
        for start in range(0, len(pages), bulk.BATCH):
            batch = pages[start : start + bulk.BATCH]
            bulk.add_children(index, batch, user=opd.people[Role.PENULIS])
            self.relations(batch)
            self.history(opd, batch)
            if bar is not None:
                bar.update(len(batch))

    def relations(self, pages):
        through = NewsPage.categories.through
        through.objects.bulk_create(
            [through(newspage_id=p.pk, newscategory_id=c.pk) for p in pages for c in p.categories.all()]
        )
        NewsPageTag.objects.bulk_create(
            [
                NewsPageTag(content_object_id=p.pk, tag_id=t.tag_id)
                for p in pages
                for t in p.tagged_items.all()
            ]
        )

    def history(self, opd, pages):
        """Each article went Penulis → Editor → Redaktur → Web Administrator in the last year."""
        rng = self.rng
        page_type = ContentType.objects.get_for_model(Page)
        workflow_states, task_rows, step_rows, publications = [], [], [], []
        for page in pages:
            submitted = page.first_published_at - timedelta(minutes=rng.randrange(60, 60 * 30))
            state = WorkflowState(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                workflow=opd.workflow,
                status=WorkflowState.STATUS_APPROVED,
                created_at=submitted,
                requested_by=opd.people[Role.PENULIS],
            )
            workflow_states.append(state)
            start = submitted
            steps = []
            span = (page.first_published_at - submitted) / len(opd.tasks)
            for task in opd.tasks:
                finish = start + span
                steps.append((task, start, finish))
                start = finish
            task_rows.append(steps)
        with auto_now_off(WorkflowState, "created_at"), auto_now_off(TaskState, "started_at"):
            WorkflowState.objects.bulk_create(workflow_states)
            task_states = []
            for page, state, steps in zip(pages, workflow_states, task_rows, strict=True):
                for task, begin, finish in steps:
                    task_states.append(
                        TaskState(
                            workflow_state=state,
                            revision_id=page.live_revision_id,
                            task=task,
                            status=TaskState.STATUS_APPROVED,
                            started_at=begin,
                            finished_at=finish,
                            finished_by=opd.people[ROLE_OF_STEP[task.step]],
                        )
                    )
            TaskState.objects.bulk_create(task_states)
        states = iter(task_states)
        for page, state, steps in zip(pages, workflow_states, task_rows, strict=True):
            for task, begin, finish in steps:
                wall = int((finish - begin).total_seconds())
                step_rows.append(
                    StepTiming(
                        step=Step(task.step),
                        outcome="approved",
                        opd=opd,
                        page_id=page.pk,
                        workflow_state=state,
                        task_state=next(states),
                        actor=opd.people[ROLE_OF_STEP[task.step]],
                        started_at=begin,
                        finished_at=finish,
                        wall_seconds=wall,
                        office_seconds=wall // 3,
                        standard_seconds=int(task.mutu_baku.total_seconds()),
                    )
                )
            wall = int((page.first_published_at - state.created_at).total_seconds())
            publications.append(
                PublicationTiming(
                    workflow_state=state,
                    opd=opd,
                    page_id=page.pk,
                    submitted_at=state.created_at,
                    published_at=page.first_published_at,
                    wall_seconds=wall,
                    office_seconds=wall // 3,
                    standard_seconds=sum(int(t.mutu_baku.total_seconds()) for t in opd.tasks),
                    rework_rounds=1 if page.pk % 7 == 0 else 0,
                )
            )
        StepTiming.objects.bulk_create(step_rows, batch_size=2000)
        PublicationTiming.objects.bulk_create(publications, batch_size=2000)

    def waiting(self, opd, count, start=0):
        """Drafts submitted to the SOP and waiting at the Editor's step (the Editor's dashboard)."""
        if not count:
            return
        pages = [self.article(opd, 100000 + n, 0, live=False) for n in range(start, start + count)]
        for page in pages:
            page.first_published_at = None
            page.latest_revision_created_at = self.now
        bulk.add_children(opd.indexes[NewsIndexPage], pages, user=opd.people[Role.PENULIS], live=False)
        page_type = ContentType.objects.get_for_model(Page)
        states = [
            WorkflowState(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                workflow=opd.workflow,
                status=WorkflowState.STATUS_IN_PROGRESS,
                requested_by=opd.people[Role.PENULIS],
            )
            for page in pages
        ]
        WorkflowState.objects.bulk_create(states)
        first = opd.tasks[0]
        task_states = TaskState.objects.bulk_create(
            [
                TaskState(workflow_state=state, revision_id=page.latest_revision_id, task=first)
                for page, state in zip(pages, states, strict=True)
            ]
        )
        for state, task_state in zip(states, task_states, strict=True):
            state.current_task_state = task_state
        WorkflowState.objects.bulk_update(states, ["current_task_state"])

    # --- announcements, agenda, documents ----------------------------------------------------
    def other_content(self, opd):
        rng, today = self.rng, timezone.localdate(self.now)
        user = opd.people[Role.PENULIS]
        announcements = []
        for n in range(PER_SITE["announcements"]):
            start = today - timedelta(days=n * 5)
            announcements.append(
                AnnouncementPage(
                    title=f"Pengumuman {opd.name} nomor {n}",
                    slug=f"pengumuman-{n}",
                    date=start,
                    valid_from=start,
                    valid_until=start + timedelta(days=60) if n % 3 else None,
                    summary=sentence(rng),
                    body=[("paragraph", f"<p>{sentence(rng, 30)}</p>")],
                    first_published_at=self.published_at(n * 5),
                )
            )
        bulk.add_children(opd.indexes[AnnouncementIndexPage], announcements, user=user)
        events = []
        for n in range(PER_SITE["events"]):
            start = timezone.make_aware(datetime.combine(today + timedelta(days=n * 4 - 60), clock(hour=9)))
            events.append(
                EventPage(
                    title=f"Agenda {opd.name} {n}",
                    slug=f"agenda-{n}",
                    start=start,
                    end=start + timedelta(hours=3),
                    place="Aula Kantor Bupati Ketapang",
                    summary=sentence(rng),
                    body=[("paragraph", f"<p>{sentence(rng, 30)}</p>")],
                    first_published_at=self.published_at(max(0, 60 - n * 4)),
                )
            )
        bulk.add_children(opd.indexes[EventIndexPage], events, user=user)
        files = [
            builders.demo_document(opd, f"Dokumen {opd.name} {n}", f"{n}/{2020 + n}", 2020 + n, "Ringkasan.")
            for n in range(3)
        ]
        types, documents = list(DocumentType), []
        for n in range(PER_SITE["documents"]):
            year = 2015 + n % 11
            documents.append(
                DocumentPage(
                    title=f"{types[n % len(types)].label} {opd.name} nomor {n} tahun {year}",
                    slug=f"dokumen-{n}",
                    document=files[n % len(files)],
                    doc_type=types[n % len(types)].value,
                    number=f"{n}/{year}",
                    year=year,
                    status=DocumentStatus.BERLAKU,
                    summary=f"<p>{sentence(rng)}</p>",
                    first_published_at=self.published_at(n * 10),
                )
            )
        bulk.add_children(opd.indexes[DocumentIndexPage], documents, user=user)

    # --- search index ----------------------------------------------------------------------
    def index(self):
        backend = get_search_backend()
        for model in (NewsPage, AnnouncementPage, EventPage, DocumentPage):
            queryset = model.get_indexed_objects().live().order_by("pk")
            total = queryset.count()
            bar = self.progress(total=total, desc=f"indeks {model._meta.model_name}", unit="hal")
            for start in range(0, total, bulk.BATCH):
                chunk = list(queryset[start : start + bulk.BATCH])
                backend.add_bulk(model, chunk)
                bar.update(len(chunk))
            bar.close()


ROLE_OF_STEP = {"koreksi": Role.EDITOR, "koreksi_ulang": Role.REDAKTUR, "publikasi": Role.WEBADMIN}


class auto_now_off:
    """Let bulk_create keep the historical timestamps we give instead of now()."""

    def __init__(self, model, name):
        self.field = model._meta.get_field(name)

    def __enter__(self):
        self.saved = self.field.auto_now_add
        self.field.auto_now_add = False

    def __exit__(self, *exc):
        self.field.auto_now_add = self.saved
