"""French messages of the core: storage, services, command line, demo."""

CATALOG: dict[str, str] = {
    # app
    "No display: run the app from a desktop session (DISPLAY or WAYLAND_DISPLAY is not set), or on a virtual display with xvfb-run.":
        "Pas d’écran : lancez l’application depuis une session de bureau (DISPLAY ou WAYLAND_DISPLAY n’est pas défini), ou sur un écran virtuel avec xvfb-run.",
    "The workspace cannot be opened: {error}\n\nDetails: {log}":
        "L’espace de travail ne peut pas être ouvert : {error}\n\nDétails : {log}",
    "Something went wrong inside ESS Planner: {error}\n\nYour data is safe. The details are in the log file:\n{log}":
        "Une erreur interne s’est produite dans ESS Planner : {error}\n\nVos données sont en sécurité. Les détails sont dans le journal :\n{log}",
    # command line
    "not scheduled": "non planifiée",
    "The example workspace is loaded: 3 personas, 4 objectives and a month of posts on dry-run accounts (nothing is really published).":
        "L’espace d’exemple est chargé : 3 personas, 4 objectifs et un mois de publications sur des comptes d’essai (rien n’est vraiment publié).",
    "--alt without a matching --media.": "--alt sans --media correspondant.",
    "unknown state {state!r}; choose among {known}": "état {state!r} inconnu ; choisissez parmi {known}",
    "No personas yet.": "Aucun persona pour l’instant.",
    "No objectives yet.": "Aucun objectif pour l’instant.",
    "The database is up to date (revision {rev}).": "La base de données est à jour (révision {rev}).",
    "Database upgraded from {old} to {new}.": "Base de données mise à jour de {old} à {new}.",
    "Plan, tag by persona and objective, and publish your organisation's posts.":
        "Planifiez, classez par persona et par objectif, et publiez les messages de votre organisation.",
    "database URL (default: SQLite in the data folder; env ESSPLANNER_DATABASE_URL)":
        "URL de la base de données (par défaut : SQLite dans le dossier de données ; variable ESSPLANNER_DATABASE_URL)",
    "folder for the database, settings, media and logs (env ESSPLANNER_DATA_DIR)":
        "dossier de la base, des réglages, des médias et des journaux (variable ESSPLANNER_DATA_DIR)",
    "language (default: system)": "langue (par défaut : celle du système)",
    "more output": "plus de détails",
    "create, list, schedule posts": "créer, lister, planifier des publications",
    "create a post (scheduled with --at and --account)": "créer une publication (planifiée avec --at et --account)",
    "when to publish, e.g. 2026-12-03T10:00+01:00": "quand publier, par ex. 2026-12-03T10:00+01:00",
    "alternative text of the matching --media": "texte alternatif du --media correspondant",
    'call to action, e.g. "Faire un don"': "appel à l’action, par ex. « Faire un don »",
    "language of the post (fr, en...)": "langue de la publication (fr, en…)",
    "list posts": "lister les publications",
    "show a post and its targets": "afficher une publication et ses comptes",
    "schedule or move a post": "planifier ou déplacer une publication",
    "cancel what has not gone out": "annuler ce qui n’est pas encore parti",
    "send failed, unconfirmed or missed targets again": "renvoyer les envois en échec, non confirmés ou manqués",
    "the people your posts speak to": "les personnes à qui vos publications s’adressent",
    "add a persona": "ajouter un persona",
    "networks used, comma separated (facebook,instagram)": "réseaux utilisés, séparés par des virgules (facebook,instagram)",
    "expected content": "contenu attendu",
    "list personas": "lister les personas",
    "what your posts are for, with KPIs": "à quoi servent vos publications, avec leurs indicateurs (KPI)",
    "add an objective and its KPI": "ajouter un objectif et son indicateur",
    'KPI name, e.g. "Dons reçus"': "nom de l’indicateur, par ex. « Dons reçus »",
    "KPI target value": "valeur cible de l’indicateur",
    "list objectives and KPIs": "lister les objectifs et leurs indicateurs",
    "database maintenance": "maintenance de la base de données",
    "upgrade the schema (after a backup)": "mettre à jour le schéma (après une sauvegarde)",
    "the example workspace": "l’espace d’exemple",
    "load the example association (energy poverty)": "charger l’association d’exemple (précarité énergétique)",
    "when": "quand",
    "state": "état",
    "No posts.": "Aucune publication.",
    "print JSON": "afficher en JSON",
    "personas": "personas",
    "objectives": "objectifs",
    "interrupted": "interrompu",
    "unexpected error; details are in {log}": "erreur inattendue ; les détails sont dans {log}",
    "Backup": "Sauvegarde",
    # credentials
    "The keyring refused the operation ({kind}).": "Le trousseau a refusé l’opération ({kind}).",
    "No keyring is available to keep the account's secret safely; nothing was stored.":
        "Aucun trousseau n’est disponible pour garder le secret du compte en sécurité ; rien n’a été enregistré.",
    "The keyring is locked: unlock it (your session password) and try again.":
        "Le trousseau est verrouillé : déverrouillez-le (mot de passe de session) et réessayez.",
    "No keyring is available to keep the account's secret safely. Open your desktop session's keyring (GNOME Keyring, KWallet) or install one; nothing was stored.":
        "Aucun trousseau n’est disponible pour garder le secret du compte en sécurité. Ouvrez le trousseau de votre session (GNOME Keyring, KWallet) ou installez-en un ; rien n’a été enregistré.",
    # demo
    "The example workspace is already loaded here.": "L’espace d’exemple est déjà chargé ici.",
    # media
    "{name} is a {format} image; use JPEG, PNG, GIF or WebP.": "{name} est une image {format} ; utilisez JPEG, PNG, GIF ou WebP.",
    "{name} is not an image that can be published (JPEG, PNG, GIF or WebP).":
        "{name} n’est pas une image publiable (JPEG, PNG, GIF ou WebP).",
    "{name} is far too large an image.": "{name} est une image beaucoup trop grande.",
    "The file {path} does not exist.": "Le fichier {path} n’existe pas.",
    "The file {name} is empty.": "Le fichier {name} est vide.",
    "{name} weighs {size} MB; files over {limit} MB are not accepted.":
        "{name} pèse {size} Mo ; les fichiers de plus de {limit} Mo ne sont pas acceptés.",
    "Could not copy {name} into the data folder: {error}": "Impossible de copier {name} dans le dossier de données : {error}",
    # repositories
    "persona": "persona",
    "objective": "objectif",
    "account": "compte",
    "There is no post number {id}.": "Il n’y a pas de publication numéro {id}.",
    "none yet": "aucun pour l’instant",
    "Unknown {kind} {name!r}. Known: {known}.": "{kind} {name!r} introuvable. Existants : {known}.",
    # services
    "Someone else changed this post after you opened it. Your changes were not saved: reload the post and apply them again.":
        "Quelqu’un d’autre a modifié cette publication après que vous l’avez ouverte. Vos changements n’ont pas été enregistrés : rechargez la publication et refaites-les.",
    "name": "nom",
    "A KPI target cannot be negative.": "La cible d’un indicateur ne peut pas être négative.",
    "The {field} is required.": "Le champ « {field} » est obligatoire.",
    "The link must be a web address (https://...).": "Le lien doit être une adresse web (https://…).",
    "Unknown {kind} number {ids}.": "{kind} numéro {ids} introuvable.",
    "The age must be between 1 and 129.": "L’âge doit être compris entre 1 et 129.",
    "A persona named {name!r} already exists.": "Un persona nommé {name!r} existe déjà.",
    "An objective named {name!r} already exists.": "Un objectif nommé {name!r} existe déjà.",
    "KPI name": "nom de l’indicateur",
    "The grace period cannot be negative.": "Le délai de grâce ne peut pas être négatif.",
    "An account named {name!r} already exists.": "Un compte nommé {name!r} existe déjà.",
    "Give a date and time to schedule the post.": "Indiquez une date et une heure pour planifier la publication.",
    "Write a title or a text for the post.": "Écrivez un titre ou un texte pour la publication.",
    "That time has already passed; choose a time in the future.": "Cette heure est déjà passée ; choisissez un moment à venir.",
    "The post cannot be scheduled: {problems}": "La publication ne peut pas être planifiée : {problems}",
    "There is no persona number {id}.": "Il n’y a pas de persona numéro {id}.",
    "There is no objective number {id}.": "Il n’y a pas d’objectif numéro {id}.",
    "There is no account number {id}.": "Il n’y a pas de compte numéro {id}.",
    "A post is being sent on {name} right now; try again in a moment.":
        "Une publication est en cours d’envoi sur {name} ; réessayez dans un instant.",
    "This post is being sent right now; it cannot be moved.": "Cette publication est en cours d’envoi ; elle ne peut pas être déplacée.",
    "This post is being sent right now; cancel it again in a moment if it fails.":
        "Cette publication est en cours d’envoi ; annulez-la dans un instant si l’envoi échoue.",
    "Nothing to retry: no failed, unconfirmed or missed target.":
        "Rien à renvoyer : aucun envoi en échec, non confirmé ou manqué.",
    "There is no target number {id}.": "Il n’y a pas d’envoi numéro {id}.",
    "This post is being sent right now.": "Cette publication est en cours d’envoi.",
    "This post is being sent right now; edit it again in a moment.": "Cette publication est en cours d’envoi ; modifiez-la dans un instant.",
    "This post is being sent right now; it cannot be deleted.": "Cette publication est en cours d’envoi ; elle ne peut pas être supprimée.",
    "There is no image number {id} on this post.": "Cette publication n’a pas d’image numéro {id}.",
    "A scheduled post needs a date and time.": "Une publication planifiée a besoin d’une date et d’une heure.",
    # storage
    "Database error: {detail}": "Erreur de base de données : {detail}",
    "The disk is full: nothing was saved. Free some space and try again.":
        "Le disque est plein : rien n’a été enregistré. Libérez de la place et réessayez.",
    "The database is busy (another program is writing to it). Try again.":
        "La base de données est occupée (un autre programme y écrit). Réessayez.",
    "The database file is read-only: nothing was saved.": "Le fichier de la base est en lecture seule : rien n’a été enregistré.",
    "The database file cannot be opened or is damaged.": "Le fichier de la base ne peut pas être ouvert ou est endommagé.",
    "Cannot reach the database server: {detail}": "Impossible de joindre le serveur de base de données : {detail}",
    # time
    "{text} has no UTC offset; it was read in the time zone {zone}.":
        "{text} n’a pas de décalage UTC ; l’heure a été lue dans le fuseau {zone}.",
    "{when} does not exist in {zone}: the clocks jump forward that night (daylight saving time). Choose another time, for example {suggestion}.":
        "{when} n’existe pas dans le fuseau {zone} : on avance l’heure cette nuit-là (passage à l’heure d’été). Choisissez une autre heure, par exemple {suggestion}.",
    "{when} happens twice in {zone} (clocks go back); the first one (UTC{offset}) was used. Give an explicit offset for the other.":
        "{when} existe deux fois dans le fuseau {zone} (on recule l’heure) ; la première (UTC{offset}) a été retenue. Donnez un décalage explicite pour l’autre.",
    "Unknown time zone {name!r}.": "Fuseau horaire {name!r} inconnu.",
    "{text!r} is not a date and time; use for example 2026-12-03T10:00+01:00.":
        "{text!r} n’est pas une date et une heure ; écrivez par exemple 2026-12-03T10:00+01:00.",
    "{text!r} is not a date; use YYYY-MM-DD.": "{text!r} n’est pas une date ; écrivez AAAA-MM-JJ.",
}
