"""Builders of the demo's content, one per page type. Each finds what exists and adds only
what is missing, so ``seed_demo`` can run again without changing anything.

Content pages (berita, pengumuman, agenda, dokumen, galeri) are written by the OPD's Penulis
and published through every SOP step; structural pages (lists, profile, home) are set up by
the Web Developer, as SOP steps 1-2 say.
"""

import io
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.models import StandardPage
from home.navigation.models import SiteNavigation
from news.announcements.models import AnnouncementIndexPage, AnnouncementPage
from news.events.models import EventIndexPage, EventPage
from news.gallery.models import GalleryIndexPage, GalleryPage, GalleryPhoto
from news.library.models import DocumentIndexPage, DocumentPage
from news.models import NewsCategory, NewsIndexPage, OPDNewsIndexPage
from opd.media_library.models import InformationClass
from opd.roles import Role
from ppid.models import PPIDPage

from .documents import simple_pdf
from .embeds import store_video_embed

INDEXES = [
    # (model, title, slug, intro)
    (NewsIndexPage, "Berita", "berita", "Berita terbaru {name}."),
    (AnnouncementIndexPage, "Pengumuman", "pengumuman", "Pengumuman resmi {name} yang masih berlaku."),
    (EventIndexPage, "Agenda", "agenda", "Agenda kegiatan {name}."),
    (DocumentIndexPage, "Dokumen", "dokumen", "Produk hukum, perencanaan dan laporan {name}."),
    (GalleryIndexPage, "Galeri", "galeri", "Foto dan video kegiatan {name}."),
]


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


def demo_document(opd, title, number, year, summary):
    """A generated one-page PDF in the OPD's collection."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=opd.collection).first()
    if existing:
        return existing
    pdf = simple_pdf(
        title[:90], [opd.name, f"Nomor {number}" if number else "", f"Tahun {year}", summary[:90]]
    )
    return Document.objects.create(
        title=title,
        file=ContentFile(pdf, name=f"demo-{opd.slug}-{abs(hash(title)) % 10**8}.pdf"),
        collection=opd.collection,
        information_class=InformationClass.BERKALA,
        number=number,
        year=year,
    )


def publish_through_sop(page, people):
    """Take a draft through every SOP step, as the demo's people would in the admin."""
    page.save_revision(user=people[Role.PENULIS])
    workflow_state = page.get_workflow().start(page, people[Role.PENULIS])
    for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, people[role], "approve")
        workflow_state.refresh_from_db()


def add_through_sop(index, page, people):
    """Add a Penulis's draft under ``index`` and publish it through the SOP."""
    page.live = False
    page.owner = people[Role.PENULIS]
    index.add_child(instance=page)
    publish_through_sop(page, people)
    return page


def ensure_child(parent, model, developer, **fields):
    """The parent's child of this type with this slug, made and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing:
        return existing, False
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision(user=developer).publish(user=developer)
    return page, True


def seed_indexes(home, spec, developer):
    """The list pages of a site (and "Berita OPD" on the portal); returns ({model: page}, created)."""
    pages, created_any = {}, False
    indexes = list(INDEXES)
    if spec["portal"]:
        indexes.append((OPDNewsIndexPage, "Berita OPD", "berita-opd", "Berita terbaru dari seluruh OPD."))
    for model, title, slug, intro in indexes:
        page, created = ensure_child(
            home, model, developer, title=title, slug=slug, intro=intro.format(name=spec["name"])
        )
        pages[model] = page
        created_any |= created
    return pages, created_any


def seed_categories(opd, categories):
    made = False
    by_slug = {}
    for slug, name in categories:
        category, created = NewsCategory.objects.get_or_create(
            site=opd.site, slug=slug, locale=opd.site.root_page.locale, defaults={"name": name}
        )
        by_slug[slug] = category
        made |= created
    return list(by_slug.values()), made


def seed_announcements(opd, index, people, announcements):
    made = False
    today = timezone.localdate()
    for title, summary, starts, ends in announcements:
        if AnnouncementPage.objects.child_of(index).filter(title=title).exists():
            continue
        valid_from = today + timedelta(days=starts)
        page = AnnouncementPage(
            title=title,
            date=valid_from,
            valid_from=valid_from,
            valid_until=today + timedelta(days=ends) if ends is not None else None,
            summary=summary,
            body=[("paragraph", f"<p>{summary} Informasi lebih lanjut hubungi {opd.name}.</p>")],
        )
        add_through_sop(index, page, people)
        made = True
    return made


def seed_events(opd, index, people, events):
    made = False
    today = timezone.localdate()
    for title, summary, place, in_days, hour, hours in events:
        if EventPage.objects.child_of(index).filter(title=title).exists():
            continue
        start = timezone.make_aware(datetime.combine(today + timedelta(days=in_days), time(hour=hour)))
        page = EventPage(
            title=title,
            start=start,
            end=start + timedelta(hours=hours),
            place=place,
            summary=summary,
            body=[("paragraph", f"<p>{summary}</p>")],
        )
        add_through_sop(index, page, people)
        made = True
    return made


def seed_documents(opd, index, people, documents):
    made = False
    for title, doc_type, number, year, status, summary in documents:
        if DocumentPage.objects.child_of(index).filter(title=title).exists():
            continue
        page = DocumentPage(
            title=title,
            document=demo_document(opd, title, number, year, summary),
            doc_type=doc_type,
            number=number,
            year=year,
            status=status,
            summary=f"<p>{summary}</p>",
        )
        add_through_sop(index, page, people)
        made = True
    return made


def seed_gallery(opd, index, people, spec, album):
    title, intro, photo_titles, video_url = album
    if GalleryPage.objects.child_of(index).filter(title=title).exists():
        return False
    store_video_embed(video_url, title)
    page = GalleryPage(
        title=title,
        intro=intro,
        videos=[("video", {"video": video_url, "caption": title})],
        photos=[
            GalleryPhoto(image=demo_image(opd, photo_title, spec["accent"]), sort_order=order)
            for order, photo_title in enumerate(photo_titles)
        ],
    )
    add_through_sop(index, page, people)
    return True


def seed_profile_children(profile, developer, pages):
    made = False
    for title, slug, paragraph in pages:
        _page, created = ensure_child(
            profile,
            StandardPage,
            developer,
            title=title,
            slug=slug,
            body=[("paragraph", f"<p>{paragraph}</p>")],
        )
        made |= created
    return made


def seed_navigation(opd, profile, indexes, quick_links, footer_links):
    """The site's menus, set once; a Web Administrator's later changes are kept.

    Entries already in the main menu (the PPID page's, from provisioning) stay, after the demo's.
    A quick link without an address goes to the site's own PPID page.
    """
    navigation = SiteNavigation.for_site(opd.site)
    if navigation.quick_links or navigation.footer_links:
        return False
    ppid = PPIDPage.objects.child_of(opd.site.root_page).first()

    def page_link(page, children=()):
        return {"label": "", "page": page, "url": "", "children": list(children)}

    profile_children = [
        {"label": "", "page": child, "url": ""} for child in profile.get_children().live().specific()
    ]
    navigation.main_menu = [
        ("item", page_link(profile, profile_children)),
        *(("item", page_link(page)) for page in indexes.values()),
        *(("item", item.value) for item in navigation.main_menu),
    ]
    navigation.quick_links = [
        (
            "link",
            {
                "label": label,
                "label_en": label_en,
                "page": None if url else ppid,
                "url": url or "",
                "description": description,
                "description_en": description_en,
            },
        )
        for label, url, description, label_en, description_en in quick_links
        if url or ppid is not None
    ]
    navigation.footer_links = [
        ("link", {"label": label, "label_en": label_en, "page": None, "url": url})
        for label, url, label_en in footer_links
    ]
    navigation.save()
    return True


def seed_home_blocks(home, spec, developer):
    """The home page's blocks; the regency portal gathers every OPD's content."""
    if home.body:
        return False
    scope = "all" if spec["portal"] else "site"
    home.body = [
        ("featured_news", {"count": 3, "scope": scope}),
        ("quick_links", {"heading": "Layanan"}),
        (
            "latest_news",
            {"heading": "Berita OPD" if spec["portal"] else "Berita terbaru", "count": 6, "scope": scope},
        ),
        ("announcements", {"heading": "Pengumuman", "count": 5, "scope": scope}),
        ("agenda", {"heading": "Agenda", "count": 5, "scope": scope}),
    ]
    home.save_revision(user=developer).publish(user=developer)
    return True
