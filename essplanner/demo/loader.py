"""The example workspace: an association fighting energy poverty.

Its personas are those of the guide the product is built from (Marie, Karim and
Sophie), with four objectives that carry measurable KPIs and a month of posts
around today: the past ones published, the coming ones scheduled, on dry-run
accounts that publish nothing, so everything can be tried safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from essplanner import models
from essplanner.demo.measures import add_measurements
from essplanner.domain import Change, DeliveryState, KpiSource, ObjectiveKind, Period, Segment
from essplanner.errors import ValidationError
from essplanner.i18n import _, language
from essplanner.services.posts import new_idempotency_key
from essplanner.timeutil import get_zone
from essplanner.workspace import Workspace

ASSOCIATION = {"fr": "Énergie Solidaire", "en": "Energy Solidarity"}


@dataclass(frozen=True)
class PersonaSpec:
    name: str
    age: int
    segment: Segment
    motivation: str
    networks: tuple[str, ...]
    expected_content: str


KpiSpec = tuple[str, float, str, Period, KpiSource, str | None]
ObjectiveSpec = tuple[str, ObjectiveKind, str, list[KpiSpec]]

PERSONAS: dict[str, list[PersonaSpec]] = {
    "fr": [
        PersonaSpec(
            name="Marie",
            age=72,
            segment=Segment.BENEFICIARIES,
            motivation="Retraitée. Cherche des conseils pour réduire sa facture d’énergie et "
            "améliorer son confort.",
            networks=("facebook",),
            expected_content="Astuces simples, témoignages, informations sur les aides "
            "financières.",
        ),
        PersonaSpec(
            name="Karim",
            age=30,
            segment=Segment.VOLUNTEERS,
            motivation="Jeune actif sensibilisé à l’écologie ; souhaite réduire son empreinte "
            "carbone et faire des économies.",
            networks=(
                "instagram",
                "x",
                "bluesky",
            ),
            expected_content="Infographies, vidéos courtes, articles sur les énergies "
            "renouvelables.",
        ),
        PersonaSpec(
            name="Sophie",
            age=40,
            segment=Segment.BENEFICIARIES,
            motivation="Mère célibataire confrontée à des difficultés financières ; cherche des "
            "solutions pour payer ses factures d’énergie.",
            networks=(
                "facebook",
                "Groupes locaux",
            ),
            expected_content="Informations sur les aides d’urgence, contacts d’associations "
            "locales.",
        ),
    ],
    "en": [
        PersonaSpec(
            name="Marie",
            age=72,
            segment=Segment.BENEFICIARIES,
            motivation="Retired. Looking for advice to cut her energy bill and live more "
            "comfortably.",
            networks=("facebook",),
            expected_content="Simple tips, testimonies, information on financial aid.",
        ),
        PersonaSpec(
            name="Karim",
            age=30,
            segment=Segment.VOLUNTEERS,
            motivation="Young professional who cares about ecology; wants to reduce his carbon "
            "footprint and save money.",
            networks=(
                "instagram",
                "x",
                "bluesky",
            ),
            expected_content="Infographics, short videos, articles on renewable energy.",
        ),
        PersonaSpec(
            name="Sophie",
            age=40,
            segment=Segment.BENEFICIARIES,
            motivation="Single mother facing financial hardship; looking for ways to pay her "
            "energy bills.",
            networks=(
                "facebook",
                "Local groups",
            ),
            expected_content="Information on emergency aid, contacts of local associations.",
        ),
    ],
}

# name, kind, description, [(kpi name, target, unit, period, source, metric)]
OBJECTIVES: dict[str, list[ObjectiveSpec]] = {
    "fr": [
        (
            "Dons",
            ObjectiveKind.DONATIONS,
            "Financer l’accompagnement des familles cet hiver.",
            [
                ("Dons reçus", 3000, "€", Period.MONTH, KpiSource.OUTCOMES, None),
                ("Clics vers la page de don", 400, "visites", Period.MONTH, KpiSource.VISITS, None),
            ],
        ),
        (
            "Recrutement de bénévoles",
            ObjectiveKind.VOLUNTEERS,
            "Trouver des bénévoles pour les visites à domicile.",
            [("Bénévoles inscrits", 8, "personnes", Period.MONTH, KpiSource.OUTCOMES, None)],
        ),
        (
            "Sensibilisation",
            ObjectiveKind.AWARENESS,
            "Faire connaître les gestes simples et les aides existantes.",
            [
                (
                    "Personnes sensibilisées",
                    5000,
                    "interactions",
                    Period.MONTH,
                    KpiSource.METRICS,
                    "engagement",
                ),
                ("Demandes d’aide reçues", 40, "demandes", Period.MONTH, KpiSource.OUTCOMES, None),
            ],
        ),
        (
            "Promotion des ateliers",
            ObjectiveKind.PRODUCTS,
            "Remplir les ateliers gratuits « Lire sa facture ».",
            [
                (
                    "Inscriptions aux ateliers",
                    60,
                    "inscriptions",
                    Period.QUARTER,
                    KpiSource.OUTCOMES,
                    None,
                )
            ],
        ),
    ],
    "en": [
        (
            "Donations",
            ObjectiveKind.DONATIONS,
            "Fund the support of families this winter.",
            [
                ("Donations received", 3000, "€", Period.MONTH, KpiSource.OUTCOMES, None),
                (
                    "Clicks to the donation page",
                    400,
                    "visits",
                    Period.MONTH,
                    KpiSource.VISITS,
                    None,
                ),
            ],
        ),
        (
            "Volunteer recruitment",
            ObjectiveKind.VOLUNTEERS,
            "Find volunteers for home visits.",
            [("Volunteers signed up", 8, "people", Period.MONTH, KpiSource.OUTCOMES, None)],
        ),
        (
            "Awareness",
            ObjectiveKind.AWARENESS,
            "Make simple habits and existing aid known.",
            [
                (
                    "People made aware",
                    5000,
                    "interactions",
                    Period.MONTH,
                    KpiSource.METRICS,
                    "engagement",
                ),
                ("Help requests received", 40, "requests", Period.MONTH, KpiSource.OUTCOMES, None),
            ],
        ),
        (
            "Workshop promotion",
            ObjectiveKind.PRODUCTS,
            "Fill the free “Read your bill” workshops.",
            [("Workshop sign-ups", 60, "sign-ups", Period.QUARTER, KpiSource.OUTCOMES, None)],
        ),
    ],
}

# name, mimicked platform
ACCOUNTS: dict[str, list[tuple[str, str]]] = {
    "fr": [
        ("Facebook (démo)", "facebook"),
        ("Instagram (démo)", "instagram"),
        ("Bluesky (démo)", "bluesky"),
        ("Mastodon (démo)", "mastodon"),
    ],
    "en": [
        ("Facebook (demo)", "facebook"),
        ("Instagram (demo)", "instagram"),
        ("Bluesky (demo)", "bluesky"),
        ("Mastodon (demo)", "mastodon"),
    ],
}


@dataclass(frozen=True)
class DemoPost:
    day: int  # offset in days from the first day of the month
    at: time
    personas: tuple[int, ...]  # indexes in PERSONAS
    objectives: tuple[int, ...]  # indexes in OBJECTIVES
    accounts: tuple[int, ...]  # indexes in ACCOUNTS
    fr: tuple[str, str]  # title, body
    en: tuple[str, str]
    link: str = ""
    cta: tuple[str, str] = ("", "")
    hashtags: tuple[str, ...] = ()


M, K, S = 0, 1, 2
DON, BEN, SENS, PROMO = 0, 1, 2, 3
FB, IG, BSKY, MASTO = 0, 1, 2, 3

POSTS = [
    DemoPost(
        1,
        time(9, 0),
        (M,),
        (SENS,),
        (FB,),
        (
            "Astuce : 1 °C de moins",
            "Astuce du lundi : baisser le chauffage de 1 °C, c’est "
            "environ 7 % d’économie sur la facture. Et vous, quelle est votre astuce ?",
        ),
        (
            "Tip: one degree less",
            "Monday tip: turning the heating down by 1 °C saves about "
            "7% on the bill. What is your own tip?",
        ),
        hashtags=("ÉconomiesDÉnergie",),
    ),
    DemoPost(
        2,
        time(18, 0),
        (K,),
        (SENS,),
        (IG, BSKY),
        (
            "Infographie : le mix électrique",
            "D’où vient l’électricité que nous "
            "consommons ? 🌞💨 Notre infographie montre la part du solaire et de l’éolien, "
            "qui progresse chaque année.",
        ),
        (
            "Infographic: the power mix",
            "Where does our electricity come from? 🌞💨 Our "
            "infographic shows the growing share of solar and wind power.",
        ),
        hashtags=("ÉnergiesRenouvelables", "Climat"),
    ),
    DemoPost(
        3,
        time(12, 30),
        (S,),
        (SENS,),
        (FB,),
        (
            "Aides d’urgence : nos permanences",
            "Facture d’énergie impayée ? Le chèque énergie "
            "et le Fonds de solidarité logement (FSL) peuvent vous aider. Nos permanences : "
            "mardi et jeudi, de 14 h à 17 h.",
        ),
        (
            "Emergency aid: our drop-in hours",
            "Unpaid energy bill? The energy cheque and the "
            "housing solidarity fund can help. Drop in on Tuesdays and Thursdays, 2 to 5 pm.",
        ),
        link="https://example.org/aides",
        cta=("Prendre rendez-vous", "Book a meeting"),
    ),
    DemoPost(
        5,
        time(9, 0),
        (M,),
        (DON,),
        (FB, MASTO),
        (
            "120 familles accompagnées",
            "Grâce à vos dons, 120 familles ont été accompagnées "
            "cet hiver pour réduire leur facture. Chaque euro compte.",
        ),
        (
            "120 families supported",
            "Thanks to your donations, 120 families were helped to "
            "cut their bills this winter. Every euro counts.",
        ),
        link="https://example.org/don",
        cta=("Faire un don", "Donate"),
    ),
    DemoPost(
        6,
        time(18, 30),
        (K,),
        (BEN,),
        (IG, BSKY, MASTO),
        (
            "Devenez bénévole",
            "Vous avez deux heures par mois ? Devenez bénévole et aidez vos "
            "voisins à réduire leur facture d’énergie. Formation offerte.",
        ),
        (
            "Become a volunteer",
            "Two hours a month to spare? Volunteer and help your "
            "neighbours cut their energy bills. Training provided.",
        ),
        link="https://example.org/benevoles",
        cta=("Devenir bénévole", "Volunteer"),
        hashtags=("Bénévolat",),
    ),
    DemoPost(
        8,
        time(10, 0),
        (M,),
        (SENS,),
        (FB,),
        (
            "Témoignage de Jeannine",
            "« Depuis la visite de l’association, ma facture a baissé "
            "de 200 € par an, et j’ai moins froid. » — Jeannine, 78 ans",
        ),
        (
            "Jeannine's story",
            "“Since the association's visit, my bill went down by €200 a "
            "year, and I am warmer.” — Jeannine, 78",
        ),
    ),
    DemoPost(
        10,
        time(12, 0),
        (M, S),
        (PROMO,),
        (FB, MASTO),
        (
            "Atelier « Lire sa facture »",
            "Atelier gratuit « Lire sa facture d’énergie » "
            "samedi à 10 h à la médiathèque. Places limitées, inscription obligatoire.",
        ),
        (
            "Workshop: read your bill",
            "Free workshop “Reading your energy bill” on Saturday "
            "at 10 am at the library. Limited places, sign-up required.",
        ),
        link="https://example.org/ateliers",
        cta=("S’inscrire", "Sign up"),
    ),
    DemoPost(
        12,
        time(18, 0),
        (K,),
        (SENS,),
        (IG,),
        (
            "Vidéo : 3 gestes en 30 s",
            "Vidéo courte : trois gestes pour un logement économe, en 30 secondes. ▶️",
        ),
        (
            "Video: 3 habits in 30 s",
            "Short video: three habits for an energy-saving home, in 30 seconds. ▶️",
        ),
        hashtags=("ÉconomiesDÉnergie",),
    ),
    DemoPost(
        14,
        time(9, 30),
        (S,),
        (SENS,),
        (FB,),
        (
            "Associations qui peuvent aider",
            "Besoin d’aide en urgence ? Voici les contacts des "
            "associations de la ville : CCAS, Secours populaire, Restos du cœur, et notre "
            "permanence téléphonique.",
        ),
        (
            "Local associations that can help",
            "Need help urgently? Here are the local "
            "contacts: social services, food banks, charities, and our helpline.",
        ),
        link="https://example.org/contacts",
        cta=("Voir les contacts", "See the contacts"),
    ),
    DemoPost(
        16,
        time(12, 30),
        (M, K),
        (DON,),
        (FB, IG, BSKY),
        (
            "Campagne d’hiver : J-10",
            "Plus que 10 jours pour notre campagne d’hiver : "
            "objectif 3 000 € pour accompagner 40 familles de plus.",
        ),
        (
            "Winter campaign: 10 days left",
            "Only 10 days left in our winter campaign: €3,000 to support 40 more families.",
        ),
        link="https://example.org/don",
        cta=("Faire un don", "Donate"),
    ),
    DemoPost(
        18,
        time(18, 0),
        (K,),
        (SENS,),
        (BSKY, MASTO),
        (
            "Article : rénover sans se ruiner",
            "Notre nouvel article : rénover son logement "
            "sans se ruiner, les aides 2027 expliquées simplement.",
        ),
        (
            "Article: renovating on a budget",
            "Our new article: renovating your home on a budget, the 2027 grants explained simply.",
        ),
        link="https://example.org/blog/renovation",
        cta=("Lire l’article", "Read it"),
    ),
    DemoPost(
        20,
        time(10, 0),
        (M,),
        (BEN,),
        (FB,),
        (
            "Rencontre avec nos bénévoles",
            "Ils donnent deux heures par mois et changent le "
            "quotidien de leurs voisins. Rencontrez nos bénévoles jeudi à 18 h.",
        ),
        (
            "Meet our volunteers",
            "They give two hours a month and change their neighbours' "
            "daily lives. Meet our volunteers on Thursday at 6 pm.",
        ),
        link="https://example.org/benevoles",
        cta=("Devenir bénévole", "Volunteer"),
    ),
    DemoPost(
        22,
        time(12, 0),
        (S,),
        (SENS,),
        (FB,),
        (
            "Le chèque énergie, comment ça marche ?",
            "Le chèque énergie arrive ce printemps. "
            "Comment l’utiliser ? Nos bénévoles répondent à vos questions en direct.",
        ),
        (
            "The energy cheque, how does it work?",
            "The energy cheque arrives this spring. How "
            "do you use it? Our volunteers answer your questions live.",
        ),
    ),
    DemoPost(
        24,
        time(18, 0),
        (K,),
        (PROMO,),
        (IG, BSKY),
        (
            "Atelier DIY isolation",
            "Atelier pratique : isoler ses fenêtres pour moins de 20 €. Apportez vos questions ! 🛠️",
        ),
        (
            "DIY insulation workshop",
            "Hands-on workshop: insulate your windows for under €20. Bring your questions! 🛠️",
        ),
        link="https://example.org/ateliers",
        cta=("S’inscrire", "Sign up"),
    ),
    DemoPost(
        26,
        time(9, 0),
        (M, S),
        (DON,),
        (FB, MASTO),
        (
            "Merci !",
            "Merci à toutes celles et ceux qui ont donné ce mois-ci : vous avez "
            "rendu l’hiver plus doux pour des dizaines de familles. ❤️",
        ),
        (
            "Thank you!",
            "Thank you to everyone who gave this month: you made winter warmer "
            "for dozens of families. ❤️",
        ),
    ),
    DemoPost(
        28,
        time(12, 30),
        (K,),
        (BEN,),
        (BSKY, MASTO),
        (
            "Bénévoles : la formation de janvier",
            "Prochaine formation des bénévoles le "
            "premier samedi du mois : précarité énergétique, écoute, aides existantes.",
        ),
        (
            "Volunteers: January training",
            "Next volunteer training on the first Saturday of "
            "the month: energy poverty, listening, existing aid.",
        ),
        link="https://example.org/benevoles",
        cta=("Devenir bénévole", "Volunteer"),
    ),
]


def load_demo(ws: Workspace, *, lang: str | None = None, month: date | None = None) -> Change:
    """Add the example workspace. Refused if its personas are already there."""
    lang = lang or language()
    lang = lang if lang in PERSONAS else "fr"
    zone: ZoneInfo = get_zone(ws.settings.timezone)
    now = ws.clock.now()
    first = month or now.astimezone(zone).date().replace(day=1)
    with ws.db.write() as s:
        names = [p.name for p in PERSONAS[lang]]
        if s.scalar(select(models.Persona.id).where(models.Persona.name.in_(names)).limit(1)):
            raise ValidationError(_("The example workspace is already loaded here."))
        personas = []
        for person in PERSONAS[lang]:
            row = models.Persona(
                name=person.name,
                age=person.age,
                segment=person.segment.value,
                motivation=person.motivation,
                networks=list(person.networks),
                expected_content=person.expected_content,
            )
            s.add(row)
            personas.append(row)
        objectives = []
        for name, kind, description, kpis in OBJECTIVES[lang]:
            obj = models.Objective(name=name, kind=kind.value, description=description)
            for position, (kname, target, unit, period, source, metric) in enumerate(kpis):
                obj.kpis.append(
                    models.Kpi(
                        name=kname,
                        target_value=float(target),
                        unit=unit,
                        period=period.value,
                        source=source.value,
                        metric=metric,
                        position=position,
                    )
                )
            s.add(obj)
            objectives.append(obj)
        accounts = []
        for name, mimic in ACCOUNTS[lang]:
            existing = s.scalar(select(models.Account).where(models.Account.name == name))
            acc = existing or models.Account(
                platform="dryrun",
                name=name,
                handle=ASSOCIATION[lang],
                settings={"mimic": mimic},
                connected_at=now,
            )
            s.add(acc)
            accounts.append(acc)
        s.flush()
        for spec in POSTS:
            title, body = spec.fr if lang == "fr" else spec.en
            local = datetime.combine(first + timedelta(days=spec.day - 1), spec.at, tzinfo=zone)
            when = local.astimezone(now.tzinfo)
            post = models.Post(
                title=title,
                body=body,
                link_url=spec.link,
                call_to_action=spec.cta[0] if lang == "fr" else spec.cta[1],
                hashtags=list(spec.hashtags) + (["ESS"] if lang == "fr" else ["SocialEconomy"]),
                language=lang,
                editorial_state="approved",
                scheduled_at=when,
                personas=[personas[i] for i in spec.personas],
                objectives=[objectives[i] for i in spec.objectives],
            )
            past = when <= now
            for index in spec.accounts:
                key = new_idempotency_key()
                post.targets.append(
                    models.Target(
                        account=accounts[index],
                        state=(DeliveryState.PUBLISHED if past else DeliveryState.SCHEDULED).value,
                        next_attempt_at=None if past else when,
                        idempotency_key=key,
                        remote_id=f"dryrun:{key}" if past else None,
                        published_at=when if past else None,
                        options={},
                        attempt_count=0,
                        last_error="",
                    )
                )
            s.add(post)
        s.flush()
        add_measurements(s, zone=zone, now=now, first=first)
    return Change(personas=True, objectives=True, accounts=True, posts=frozenset())
