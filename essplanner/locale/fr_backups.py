"""French messages of backups, restores, and moving the workspace to another computer."""

CATALOG: dict[str, str] = {
    # command line
    "back up the database and the media, or restore them":
        "sauvegarder la base et les médias, ou les restaurer",
    "move the whole workspace to another computer":
        "déplacer tout l’espace de travail vers un autre ordinateur",
    "make a backup now (older ones beyond the number kept are deleted)":
        "faire une sauvegarde maintenant (les plus anciennes au-delà du nombre conservé sont "
        "supprimées)",
    "the backups in the data folder, newest first":
        "les sauvegardes du dossier de données, de la plus récente à la plus ancienne",
    "show what a backup holds, then replace the workspace with it (after a safety backup)":
        "montrer le contenu d’une sauvegarde, puis remplacer l’espace de travail par elle "
        "(après une sauvegarde de sécurité)",
    "a backup file, or its name in the list": "un fichier de sauvegarde, ou son nom dans la liste",
    "restore without asking": "restaurer sans demander",
    "write the database, media and settings to one file (never a secret)":
        "écrire la base, les médias et les réglages dans un seul fichier (jamais un secret)",
    "bring an exported workspace into this (empty) data folder":
        "importer un espace de travail exporté dans ce dossier de données (vide)",
    "replace the workspace already in the data folder (after a safety backup)":
        "remplacer l’espace de travail déjà présent dans le dossier de données (après une "
        "sauvegarde de sécurité)",
    "Backup written: {file} ({posts} posts, {media} media files).":
        "Sauvegarde écrite : {file} ({posts} publications, {media} fichiers médias).",
    "No backup yet in {folder}.": "Aucune sauvegarde pour l’instant dans {folder}.",
    "{posts} posts, {media} media files": "{posts} publications, {media} fichiers médias",
    "Replace the current workspace with this backup?":
        "Remplacer l’espace de travail actuel par cette sauvegarde ?",
    "Nothing was restored: add --yes to replace the current workspace with this backup.":
        "Rien n’a été restauré : ajoutez --yes pour remplacer l’espace de travail actuel par "
        "cette sauvegarde.",
    "Nothing was restored.": "Rien n’a été restauré.",
    "Workspace restored from {file}.": "Espace de travail restauré depuis {file}.",
    "The workspace as it was before is kept in {file}.":
        "L’espace de travail tel qu’il était avant est conservé dans {file}.",
    "Workspace exported to {file}: {posts} posts, {personas} personas, {objectives} "
    "objectives, {accounts} accounts, {media} media files. No secret is in it: on the other "
    "computer, connect the accounts again.":
        "Espace de travail exporté dans {file} : {posts} publications, {personas} personas, "
        "{objectives} objectifs, {accounts} comptes, {media} fichiers médias. Aucun secret "
        "n’y figure : sur l’autre ordinateur, reconnectez les comptes.",
    "Add --replace to replace it (a safety backup is made first).":
        "Ajoutez --replace pour le remplacer (une sauvegarde de sécurité est faite d’abord).",
    "Workspace imported into {folder}.": "Espace de travail importé dans {folder}.",
    "{count} accounts are marked to reconnect: their secrets stayed on the other computer "
    "(essplanner account check, or the Accounts window).":
        "{count} comptes sont marqués « à reconnecter » : leurs secrets sont restés sur l’autre "
        "ordinateur (essplanner account check, ou la fenêtre Comptes).",
    "{kind} of {date}, ESS Planner {version}": "{kind} du {date}, ESS Planner {version}",
    "{posts} posts, {personas} personas, {objectives} objectives, {accounts} accounts, "
    "{media} media files":
        "{posts} publications, {personas} personas, {objectives} objectifs, {accounts} comptes, "
        "{media} fichiers médias",
    "Next posts:": "Prochaines publications :",
    "No post was planned after that date.": "Aucune publication n’était prévue après cette date.",
    "Safety backup": "Sauvegarde de sécurité",
    "Exported workspace": "Espace de travail exporté",
    # the archive
    "{name} is not an ESS Planner backup or workspace file.":
        "{name} n’est pas une sauvegarde ni un espace de travail d’ESS Planner.",
    "{name} is damaged: it cannot be read completely. Nothing was changed.":
        "{name} est endommagé : il ne peut pas être lu entièrement. Rien n’a été modifié.",
    "{name} was made by a newer version of ESS Planner ({version}); install that version or a "
    "later one to open it. Nothing was changed.":
        "{name} a été fait par une version plus récente d’ESS Planner ({version}) ; installez "
        "cette version ou une plus récente pour l’ouvrir. Rien n’a été modifié.",
    "The disk is full: {file} was not written. Free some space and try again.":
        "Le disque est plein : {file} n’a pas été écrit. Libérez de la place et réessayez.",
    "{file} could not be written: {error}": "{file} n’a pas pu être écrit : {error}",
    "The folder {folder} does not exist.": "Le dossier {folder} n’existe pas.",
    # backups and moves
    "This workspace is a team's PostgreSQL database: its server's administrator backs it up "
    "and moves it (pg_dump). Nothing was done here.":
        "Cet espace de travail est la base PostgreSQL d’une équipe : l’administrateur de son "
        "serveur la sauvegarde et la déplace (pg_dump). Rien n’a été fait ici.",
    "There is no database at {path} to back up.": "Il n’y a pas de base à sauvegarder dans {path}.",
    "The database is damaged: no backup was made. Restore an earlier backup (File › Backups).":
        "La base de données est endommagée : aucune sauvegarde n’a été faite. Restaurez une "
        "sauvegarde antérieure (Fichier › Sauvegardes).",
    "Moved from another computer: its secret stays in that computer's keyring. Connect the "
    "account again.":
        "Déplacé depuis un autre ordinateur : son secret est resté dans le trousseau de cet "
        "ordinateur. Reconnectez le compte.",
    "The data folder {folder} already holds a workspace ({posts} posts, {accounts} accounts); "
    "nothing was imported.":
        "Le dossier de données {folder} contient déjà un espace de travail ({posts} "
        "publications, {accounts} comptes) ; rien n’a été importé.",
    "The disk is full: the workspace was not replaced. Free some space and try again.":
        "Le disque est plein : l’espace de travail n’a pas été remplacé. Libérez de la place et "
        "réessayez.",
    "The workspace could not be replaced: {error}":
        "L’espace de travail n’a pas pu être remplacé : {error}",
}
