"""French messages of personas, objectives and KPIs: coverage, measures, report.

Vocabulary of the social-economy communication guides: segments d’audience,
personas, objectifs mesurables, indicateurs clés de performance (KPI), personnes
sensibilisées, demandes d’aide reçues.
"""

CATALOG: dict[str, str] = {
    # ---- command line
    "KPI « {name} » removed, with its outcome entries.":
        "Indicateur « {name} » supprimé, avec ses résultats saisis.",
    "Removed: {entry}": "Supprimé : {entry}",
    "planned (published); ! marks a gap": "prévues (publiées) ; ! signale un trou",
    "Report written to {file}.": "Rapport enregistré dans {file}.",
    "Dashboard saved to {file}.": "Tableau de bord enregistré dans {file}.",
    "--to is before --from.": "--to est avant --from.",
    "first day (default: the first of this month)": "premier jour (par défaut : le 1er du mois)",
    "last day, included": "dernier jour, inclus",
    "No KPIs yet: add one with kpi add OBJECTIVE --name N --target V.":
        "Aucun indicateur pour l’instant : ajoutez-en un avec kpi add OBJECTIF --name N "
        "--target V.",
    "Gaps:": "Trous à combler :",
    "Channel fit:": "Adéquation des réseaux :",
    "Choose the report format with --format pdf or --format csv.":
        "Choisissez le format du rapport avec --format pdf ou --format csv.",
    "measurable indicators of the objectives": "indicateurs mesurables des objectifs (KPI)",
    "add a KPI to an objective": "ajouter un indicateur à un objectif",
    'e.g. "Bénévoles inscrits"': "par exemple « Bénévoles inscrits »",
    "target value per period": "valeur cible par période",
    "€, personnes, demandes...": "€, personnes, demandes…",
    "metrics: platform counters; outcomes: entries typed in; visits: imported web analytics":
        "metrics : compteurs des réseaux ; outcomes : résultats saisis ; visits : "
        "statistiques du site importées",
    "for metrics: {names}; for visits: keep one utm_source":
        "pour metrics : {names} ; pour visits : ne garder qu’une utm_source",
    "KPIs with their progress this period": "les indicateurs et leur avancement sur la période",
    "the periods holding this day": "les périodes qui contiennent ce jour",
    "remove a KPI and its outcome entries": "supprimer un indicateur et ses résultats saisis",
    "results typed in: donations, sign-ups, help requests":
        "résultats saisis : dons, inscriptions, demandes d’aide",
    "record an outcome for a KPI": "saisir un résultat pour un indicateur",
    "when it happened (default: now)": "quand il a eu lieu (par défaut : maintenant)",
    "where it came from, e.g. HelloAsso, salon": "d’où il vient, par exemple HelloAsso, salon",
    "list outcome entries": "lister les résultats saisis",
    "remove an outcome entry": "supprimer un résultat saisi",
    "posts by persona and objective, week by week, and the gaps":
        "publications par persona et par objectif, semaine par semaine, et les trous",
    "weeks without a post that make a gap (default 2)":
        "nombre de semaines sans publication qui font un trou (par défaut 2)",
    "the report for the board and funders (PDF or CSV)":
        "le rapport pour le conseil d’administration et les financeurs (PDF ou CSV)",
    "default: from the file name": "par défaut : d’après le nom du fichier",
    "language of the report": "langue du rapport",
    "name of the organisation, on the title page": "nom de l’organisation, en page de titre",
    "save the KPI dashboard as a PNG image":
        "enregistrer le tableau de bord des indicateurs en image PNG",
    "No outcome entries.": "Aucun résultat saisi.",
    "{visits} visits imported from {rows} lines ({inserted} new, {replaced} updated), from "
    "{first} to {last}; {campaigns} lines carry a utm_campaign.":
        "{visits} visites importées depuis {rows} lignes ({inserted} nouvelles, {replaced} "
        "mises à jour), du {first} au {last} ; {campaigns} lignes portent une utm_campaign.",
    "import data from files": "importer des données depuis des fichiers",
    "visits from web analytics (Matomo, Plausible, Google Analytics CSV)":
        "visites des statistiques du site (CSV de Matomo, Plausible, Google Analytics)",
    "the day of the visits, for an export without a date column":
        "le jour des visites, pour un export sans colonne de date",
    # ---- segments and coverage
    "volunteers": "bénévoles",
    "donors": "donateurs",
    "beneficiaries": "bénéficiaires",
    "partners": "partenaires",
    "general public": "grand public",
    "one week": "une semaine",
    "two weeks": "deux semaines",
    "three weeks": "trois semaines",
    "four weeks": "quatre semaines",
    "five weeks": "cinq semaines",
    "six weeks": "six semaines",
    "seven weeks": "sept semaines",
    "eight weeks": "huit semaines",
    "nine weeks": "neuf semaines",
    "ten weeks": "dix semaines",
    "{count} weeks": "{count} semaines",
    "Nothing planned for {persona} for {weeks}, from {first} to {last}.":
        "Rien de prévu pour {persona} pendant {weeks}, du {first} au {last}.",
    "Nothing for {persona} for {weeks} (since {day}).":
        "Rien pour {persona} depuis {weeks} (depuis le {day}).",
    "Nothing for {persona} for {weeks} (since {day}), and nothing planned until {last}.":
        "Rien pour {persona} depuis {weeks} (depuis le {day}), et rien de prévu jusqu’au "
        "{last}.",
    "Nothing for {persona} for {weeks}, from {first} to {last}.":
        "Rien pour {persona} pendant {weeks}, du {first} au {last}.",
    "Nothing for {persona} in the whole period.": "Rien pour {persona} sur toute la période.",
    "No post for the objective « {objective} » this month.":
        "Aucune publication pour l’objectif « {objective} » ce mois-ci.",
    "No post for the objective « {objective} » in {month}.":
        "Aucune publication pour l’objectif « {objective} » en {month}.",
    "No post for the « {segment} » segment in this period.":
        "Aucune publication pour le segment « {segment} » sur la période.",
    "No persona in the « {segment} » segment yet: who are they, and what do they expect?":
        "Aucun persona dans le segment « {segment} » pour l’instant : qui sont-ils, et "
        "qu’attendent-ils ?",
    "« {title} » ({day}) speaks to {persona} but goes out only on {platforms}, where "
    "{persona} is not ({persona} uses {networks}).":
        "« {title} » ({day}) s’adresse à {persona} mais ne sort que sur {platforms}, où "
        "{persona} n’est pas ({persona} utilise {networks}).",
    # ---- KPIs and measures
    "platform metrics": "statistiques des réseaux",
    "outcome entries": "résultats saisis",
    "web visits": "visites du site",
    "Unknown KPI or objective {name!r}. Known: {known}.":
        "Indicateur ou objectif inconnu : {name!r}. Connus : {known}.",
    "The KPI name is required.": "Le nom de l’indicateur est obligatoire.",
    "A KPI fed by outcome entries has no metric.":
        "Un indicateur alimenté par des résultats saisis n’a pas de métrique.",
    "The amount must be a number other than zero.":
        "Le montant doit être un nombre différent de zéro.",
    "An outcome cannot be in the future.": "Un résultat ne peut pas être dans le futur.",
    "A gap is at least one week long.": "Un trou dure au moins une semaine.",
    "The objective « {objective} » already has a KPI named « {name} ».":
        "L’objectif « {objective} » a déjà un indicateur nommé « {name} ».",
    "Unknown metric {metric!r}; choose among {known}.":
        "Métrique inconnue : {metric!r} ; choisissez parmi {known}.",
    "There is no KPI number {id}.": "Il n’y a pas d’indicateur numéro {id}.",
    "The objective « {objective} » has no KPI measured from {source}; add one with kpi add.":
        "L’objectif « {objective} » n’a pas d’indicateur mesuré par les {source} ; ajoutez-en "
        "un avec kpi add.",
    "« {kpi} » is measured from {source}, not from outcome entries.":
        "« {kpi} » est mesuré par les {source}, pas par des résultats saisis.",
    "There is no outcome entry number {id}.": "Il n’y a pas de résultat saisi numéro {id}.",
    # ---- periods
    "{first} to {last}": "du {first} au {last}",
    "{day} {month} {year}": "{day} {month} {year}",
    "{day} {month}": "{day} {month}",
    "January": "janvier",
    "February": "février",
    "March": "mars",
    "April": "avril",
    "May": "mai",
    "June": "juin",
    "July": "juillet",
    "August": "août",
    "September": "septembre",
    "October": "octobre",
    "November": "novembre",
    "December": "décembre",
    "W{week} {year}": "S{week} {year}",
    "W{week}": "S{week}",
    "{month} {year}": "{month} {year}",
    "Q{quarter} {year}": "T{quarter} {year}",
    # ---- report
    "{kpi}: {value} / {target} ({percent}), {period}, {status}":
        "{kpi} : {value} / {target} ({percent}), {period}, {status}",
    "reached": "atteint",
    "on track": "en bonne voie",
    "behind": "en retard",
    "not reached": "non atteint",
    "not started": "pas commencé",
    "no target": "sans cible",
    "week": "semaine",
    "month": "mois",
    "quarter": "trimestre",
    "year": "année",
    "campaign": "campagne",
    "{published} posts published on {count} networks ({names}); {planned} were planned with "
    "an objective.":
        "{published} publications parues sur {count} réseaux ({names}) ; {planned} étaient "
        "prévues avec un objectif.",
    "Target reached: {kpi} ({objective}), {value} for {target}.":
        "Cible atteinte : {kpi} ({objective}), {value} pour {target}.",
    "Furthest from its target: {kpi} ({objective}), {value} of {target} ({percent}).":
        "Le plus loin de sa cible : {kpi} ({objective}), {value} sur {target} ({percent}).",
    "Best post: « {title} », {count} interactions on {platforms}.":
        "Meilleure publication : « {title} », {count} interactions sur {platforms}.",
    "The persona reached most: {persona}, {count} interactions with {posts} posts.":
        "Le persona le plus touché : {persona}, {count} interactions avec {posts} publications.",
    "{count} visits of the website came from the posts' links.":
        "{count} visites du site sont venues des liens des publications.",
    "{count} coverage gaps to fix (listed at the end).":
        "{count} trous de couverture à combler (détaillés à la fin).",
    "section": "rubrique",
    "network": "réseau",
    "post": "publication",
    "period": "période",
    "start": "début",
    "end": "fin",
    "value": "valeur",
    "target": "cible",
    "unit": "unité",
    "percent": "pourcentage",
    "status": "état",
    "detail": "détail",
    "Communication report": "Rapport de communication",
    "From {first} to {last}": "Du {first} au {last}",
    "Made on {day} with ESS Planner": "Établi le {day} avec ESS Planner",
    "Cannot write {file}: {error}": "Impossible d’écrire {file} : {error}",
    "Platform metrics: the latest interactions (likes, reposts, replies, quotes, saves) read "
    "from the networks for the posts published in the period.":
        "Statistiques des réseaux : les dernières interactions relevées (mentions « j’aime », "
        "partages, réponses, citations, enregistrements) sur les publications parues dans la "
        "période.",
    "Outcome entries: donations received, volunteer sign-ups, help requests... typed in by the "
    "team with their date, amount and source.":
        "Résultats saisis : dons reçus, inscriptions de bénévoles, demandes d’aide… saisis par "
        "l’équipe avec leur date, leur montant et leur source.",
    "Web visits: visits of the links the posts carried, tagged with utm_source (the network), "
    "utm_medium=social and utm_campaign (the objective), imported from the website's "
    "analytics.":
        "Visites du site : visites des liens des publications, balisés avec utm_source (le "
        "réseau), utm_medium=social et utm_campaign (l’objectif), importées depuis les "
        "statistiques du site.",
    "A KPI is on track when its value is at least the share of the target that the time "
    "already passed in its period calls for.":
        "Un indicateur est en bonne voie quand sa valeur atteint au moins la part de la cible "
        "qui correspond au temps déjà écoulé dans sa période.",
    "posts by objective": "publications par objectif",
    "published / planned": "publiées / prévues",
    "posts by persona": "publications par persona",
    "reach by persona": "portée par persona",
    "interactions": "interactions",
    "{posts} posts, {views} views": "{posts} publications, {views} vues",
    "reach by network": "portée par réseau",
    "{posts} posts, {visits} visits": "{posts} publications, {visits} visites",
    "best posts": "meilleures publications",
    "highlights": "faits marquants",
    "coverage": "couverture",
    "published posts by objective and persona": "publications parues par objectif et persona",
    # ---- import of visits
    "The file is empty: no header line and no visits.":
        "Le fichier est vide : ni ligne d’en-tête ni visites.",
    "No date column in the header (line {line}: {header}). Expected a column named date, day "
    "or jour; for an export of a single period, give its date.":
        "Pas de colonne de date dans l’en-tête (ligne {line} : {header}). Colonne attendue : "
        "date, day ou jour ; pour l’export d’une seule période, indiquez sa date.",
    "No visits column in the header (line {line}: {header}). Expected visits, sessions, "
    "visitors or visites.":
        "Pas de colonne de visites dans l’en-tête (ligne {line} : {header}). Colonne attendue : "
        "visits, sessions, visitors ou visites.",
    "No column says where the visits came from (line {line}: {header}): expected "
    "utm_campaign, utm_source, a source / medium, or the landing page URL.":
        "Aucune colonne ne dit d’où viennent les visites (ligne {line} : {header}) : colonne "
        "attendue : utm_campaign, utm_source, source / support, ou l’adresse de la page "
        "d’entrée.",
    "The file has a header but no visits.": "Le fichier a un en-tête mais aucune visite.",
    "only {count} cells; the header has more columns":
        "seulement {count} cellules ; l’en-tête a plus de colonnes",
    "the number of visits is empty": "le nombre de visites est vide",
    "{text!r} is not a whole, positive number of visits":
        "{text!r} n’est pas un nombre de visites entier et positif",
    "Cannot read {file}: {error}": "Impossible de lire {file} : {error}",
    "Nothing was imported: {count} bad lines. {errors}":
        "Rien n’a été importé : {count} lignes incorrectes. {errors}",
    "the date is empty": "la date est vide",
    "{text!r} is not a number of visits": "{text!r} n’est pas un nombre de visites",
    "{text!r} is not a date (expected for example 2026-11-03)":
        "{text!r} n’est pas une date (attendu par exemple 2026-11-03)",
    "line {line}: {problem}": "ligne {line} : {problem}",
    "(and {count} more)": "(et {count} autres)",
    # ---- PDF report
    "Highlights": "Faits marquants",
    "Progress of the KPIs": "Avancement des indicateurs (KPI)",
    "Share of each target reached in its current period":
        "Part de chaque cible atteinte sur sa période en cours",
    "Over the last six months": "Sur les six derniers mois",
    "Share of the target, period after period": "Part de la cible, période après période",
    "Posts by objective and persona": "Publications par objectif et par persona",
    "Published posts for each objective and persona; last column: published / planned.":
        "Publications parues pour chaque objectif et chaque persona ; dernière colonne : "
        "publiées / prévues.",
    "Reach by persona": "Portée par persona",
    "Reach by network": "Portée par réseau",
    "Best posts": "Meilleures publications",
    "Coverage: gaps to fill": "Couverture : les trous à combler",
    "Channel fit": "Adéquation des réseaux",
    "How the numbers are counted": "Comment les chiffres sont comptés",
    "Objective": "Objectif",
    "KPI": "Indicateur",
    "Period": "Période",
    "Value": "Valeur",
    "Target": "Cible",
    "Share": "Part",
    "Status": "État",
    "Source": "Source",
    "Persona": "Persona",
    "Segment": "Segment",
    "Planned": "Prévues",
    "Published": "Publiées",
    "Interactions": "Interactions",
    "Views": "Vues",
    "Web visits": "Visites du site",
    "Network": "Réseau",
    "Posts": "Publications",
    "Post": "Publication",
    "Date": "Date",
    "Networks": "Réseaux",
    "Personas": "Personas",
    "Total": "Total",
    "No gap: every persona and every objective had posts.":
        "Aucun trou : chaque persona et chaque objectif a eu ses publications.",
    "Every post reaches its personas on a network they use.":
        "Chaque publication touche ses personas sur un réseau qu’ils utilisent.",
    "Nothing measured in this period yet.": "Rien de mesuré sur cette période pour l’instant.",
}
