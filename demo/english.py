"""The demo's English: home pages, profile, list pages and two articles per OPD.

Each English page is made as the people of the OPD would make it: the Penulis starts the
translation with wagtail-localize, types the strings (here: ``StringTranslation`` rows,
what the editor's API stores), submits it with "Ajukan terjemahan ke <SOP>" and the three
reviewers approve it. The English home page, provisioned as a copy, is edited and submitted
like any page. Idempotent: a page already translated is left as it is.
"""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from news.announcements.models import AnnouncementIndexPage
from news.events.models import EventIndexPage
from news.gallery.models import GalleryIndexPage
from news.library.models import DocumentIndexPage
from news.models import NewsCategory, NewsIndexPage, NewsPage, OPDNewsIndexPage
from opd.roles import Role
from portal.translations.submission import submit_translation

from .builders import publish_through_sop

NAMES = {
    "ketapangkab": "Ketapang Regency Government",
    "diskominfo": "Communication and Informatics Office",
    "dinkes": "Health Office",
    "disdikbud": "Education and Culture Office",
}

INTROS = {
    "ketapangkab": "The official portal of the Ketapang Regency Government: news, public services and "
    "information from every regional agency.",
    "diskominfo": "The Communication and Informatics Office of Ketapang Regency manages public "
    "information, encryption, sectoral statistics and the regional government's ICT services.",
    "dinkes": "The Health Office of Ketapang Regency: health centres, immunisation, nutrition and "
    "disease control.",
    "disdikbud": "The Education and Culture Office of Ketapang Regency: early childhood, basic "
    "education, culture and the preservation of Malay heritage.",
}

# (model, Indonesian intro template, English title, slug, English intro template)
INDEXES = [
    (NewsIndexPage, "Berita terbaru {name}.", "News", "news", "The latest news from the {name}."),
    (
        AnnouncementIndexPage,
        "Pengumuman resmi {name} yang masih berlaku.",
        "Announcements",
        "announcements",
        "Official announcements of the {name} that are currently valid.",
    ),
    (EventIndexPage, "Agenda kegiatan {name}.", "Events", "events", "Upcoming events of the {name}."),
    (
        DocumentIndexPage,
        "Produk hukum, perencanaan dan laporan {name}.",
        "Documents",
        "documents",
        "Regulations, plans and reports of the {name}.",
    ),
    (
        GalleryIndexPage,
        "Foto dan video kegiatan {name}.",
        "Gallery",
        "gallery",
        "Photos and videos of the {name}.",
    ),
    (
        OPDNewsIndexPage,
        "Berita terbaru dari seluruh OPD.",
        "Regional agencies' news",
        "agency-news",
        "The latest news from every regional agency.",
    ),
]
INDEX_TITLES = {
    NewsIndexPage: "Berita",
    AnnouncementIndexPage: "Pengumuman",
    EventIndexPage: "Agenda",
    DocumentIndexPage: "Dokumen",
    GalleryIndexPage: "Galeri",
    OPDNewsIndexPage: "Berita OPD",
}
INDEX_SLUGS = {OPDNewsIndexPage: "berita-opd"}

PROFILE = {
    "Profil": "Profile",
    "profil": "profile",
    "Visi": "Vision",
    "Misi": "Mission",
    "Meningkatkan mutu pelayanan publik.": "Improve the quality of public services.",
    "Mewujudkan keterbukaan informasi publik.": "Bring about open public information.",
    "Memperkuat tata kelola pemerintahan berbasis elektronik.": "Strengthen electronic government.",
}

# Indonesian title -> (English title, slug, lead, paragraph): the first two articles of each OPD.
NEWS = {
    "Bupati Ketapang Resmikan Jembatan Penghubung Dua Kecamatan": (
        "Regent of Ketapang Opens a Bridge Linking Two Districts",
        "regent-opens-bridge",
        "The 120-metre bridge links the Delta Pawan and Muara Pawan districts and cuts residents' "
        "travel time by up to an hour.",
        "Heads of regional agencies, district heads and community leaders attended the opening. The "
        "Regent asked residents to help look after the bridge and to report damage through the "
        "official complaints channel.",
    ),
    "Pemkab Ketapang Gelar Musrenbang Tingkat Kabupaten 2027": (
        "Ketapang Holds Its 2027 Regency Development Planning Forum",
        "development-planning-forum-2027",
        "The development planning forum discussed priorities for roads, clean water and basic "
        "health services in the upstream areas.",
        "312 proposals from 20 districts were discussed with the regional agencies and the regional "
        "parliament.",
    ),
    "Diskominfo Perluas Akses Internet Gratis di 25 Desa": (
        "Free Internet Access Extended to 25 Villages",
        "free-internet-25-villages",
        "Public internet access points now reach village halls and schools in five districts.",
        "The programme is run with BAKTI Kominfo. Residents can use the service at village halls on "
        "working days from 07.30 to 16.00 WIB.",
    ),
    "Pelatihan Jurnalistik untuk Tim Peliput OPD": (
        "Journalism Training for the Agencies' Coverage Teams",
        "journalism-training",
        "Thirty agency website managers took part in training on writing releases and news photography.",
        "The course covered the inverted pyramid, photo ethics and the website management SOP.",
    ),
    "Imunisasi Campak-Rubela Capai 92 Persen di Ketapang": (
        "Measles-Rubella Immunisation Reaches 92 Percent in Ketapang",
        "measles-rubella-immunisation",
        "MR immunisation of children aged 9 months to 15 years exceeded the provincial target.",
        "The Health Office asks parents who have not yet brought their children to come to the "
        "nearest health centre. Immunisation is free of charge.",
    ),
    "Puskesmas Sukabangun Buka Layanan Sore untuk Pekerja": (
        "Sukabangun Health Centre Opens Evening Hours for Workers",
        "evening-hours-for-workers",
        "The general clinic is now open until 20.00 WIB from Monday to Thursday.",
        "The longer hours answer complaints from workers who cannot see a doctor during working hours.",
    ),
    "Penerimaan Peserta Didik Baru SD dan SMP Dibuka Juni": (
        "Primary and Junior Secondary School Admissions Open in June",
        "school-admissions-june",
        "Registration for state primary and junior secondary schools takes place online and in person.",
        "Parents can register at the school of their choice or on the regency's admissions site. "
        "Zoning, affirmative and parental transfer routes still apply.",
    ),
    "Festival Budaya Melayu Ketapang Tampilkan 40 Sanggar": (
        "Ketapang Malay Culture Festival Features 40 Art Groups",
        "malay-culture-festival",
        "The annual festival features zapin dance, tanjidor music and a pantun contest for pupils.",
        "The event preserves the region's culture and promotes tourism at the same time.",
    ),
}

HOME_HEADINGS = {
    "Layanan": "Services",
    "Berita OPD": "Regional agencies' news",
    "Berita terbaru": "Latest news",
    "Pengumuman": "Announcements",
    "Agenda": "Events",
}


# The demo's news categories in English (demo/content.py CATEGORIES).
CATEGORY_NAMES = {
    "Pemerintahan": "Government",
    "Pembangunan": "Development",
    "Layanan Publik": "Public services",
    "Teknologi Informasi": "Information technology",
    "Kehumasan": "Public relations",
    "Statistik": "Statistics",
    "Kesehatan Masyarakat": "Public health",
    "Pelayanan Kesehatan": "Health services",
    "Gizi": "Nutrition",
    "Pendidikan": "Education",
    "Kebudayaan": "Culture",
    "Guru dan Tenaga": "Teachers and staff",
}


def _english():
    return Locale.objects.get_or_create(language_code="en")[0]


def translate_through_sop(page, people, strings):
    """Translate ``page`` into English with wagtail-localize and take it through the SOP.

    ``strings`` maps source texts of the page to their English; the rest stays as it is
    (wagtail-localize falls back to the original). Returns True when something was made.
    """
    english = _english()
    if page.get_translation_or_none(english) is not None:
        return False
    penulis = people[Role.PENULIS]
    TranslationCreator(penulis, [english]).create_translations(page)
    translated = page.get_translation(english)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
    for segment in translation.source.stringsegment_set.select_related("string"):
        value = strings.get(segment.string.data)
        if value:
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale=english,
                context_id=segment.context_id,
                defaults={"data": value, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    state = submit_translation(translated, penulis)
    _approve(state, people)
    return True


def _approve(workflow_state, people):
    for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
        workflow_state.refresh_from_db()
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, people[role], "approve")


def seed_english_home(home, spec, people):
    """The English home page (provisioned as an untranslated copy): intro, blocks, name."""
    english_home = home.get_translation(_english()).specific
    if english_home.title != home.title:
        return False
    english_home.title = NAMES[spec["slug"]]
    english_home.intro = INTROS[spec["slug"]]
    english_home.body = [(block.block_type, _english_block_value(block)) for block in home.body]
    publish_through_sop(english_home, people)
    return True


def _english_block_value(block):
    value = dict(block.value)
    if value.get("heading") in HOME_HEADINGS:
        value["heading"] = HOME_HEADINGS[value["heading"]]
    return value


def translate_categories(opd, people):
    """The site's news categories in English, as the OPD's Penulis translates a snippet in
    wagtail-localize (categories are no pages: no SOP). Before the articles, whose English
    translations then point at the English categories. Idempotent."""
    english = _english()
    made = False
    for category in NewsCategory.objects.filter(site=opd.site, locale=opd.site.root_page.locale):
        name = CATEGORY_NAMES.get(category.name)
        translated = category.get_translation_or_none(english)
        if name is None or (translated is not None and translated.name == name):
            continue
        if translated is None:
            TranslationCreator(people[Role.PENULIS], [english]).create_translations(category)
        translation = Translation.objects.get(
            source__object_id=category.translation_key, target_locale=english
        )
        for segment in translation.source.stringsegment_set.select_related("string"):
            if segment.string.data == category.name:
                StringTranslation.objects.update_or_create(
                    translation_of_id=segment.string_id,
                    locale=english,
                    context_id=segment.context_id,
                    defaults={"data": name, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
                )
        translation.save_target(user=people[Role.PENULIS])
        made = True
    return made


def seed_english(opd, spec, home, profile, indexes, people):
    """English home, profile, list pages, news categories and the OPD's first two articles,
    through the SOP."""
    made = seed_english_home(home, spec, people)
    made |= translate_categories(opd, people)
    made |= translate_through_sop(profile, people, _profile_strings(spec["name"]))
    for model, intro, title, slug, english_intro in INDEXES:
        if model not in indexes:
            continue
        strings = {
            INDEX_TITLES[model]: title,
            INDEX_SLUGS.get(model, INDEX_TITLES[model].lower()): slug,
            intro.format(name=spec["name"]): english_intro.format(name=NAMES[spec["slug"]]),
        }
        made |= translate_through_sop(indexes[model], people, strings)
    for article in NewsPage.objects.child_of(indexes[NewsIndexPage]).filter(title__in=NEWS):
        title, slug, lead, paragraph = NEWS[article.title]
        strings = {article.title: title, article.slug: slug, article.lead: lead}
        for block in article.body:
            if block.block_type == "paragraph":
                strings[block.value.source.removeprefix("<p>").removesuffix("</p>")] = paragraph
        made |= translate_through_sop(article, people, strings)
    return made


def _profile_strings(name):
    return {
        **PROFILE,
        f"Visi, misi, tugas dan fungsi {name}.": "Vision, mission, duties and functions.",
        f"Terwujudnya pelayanan {name} yang cepat, terbuka dan melayani.": (
            "Fast, open and helpful public services."
        ),
    }
