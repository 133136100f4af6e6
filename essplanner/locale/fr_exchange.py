"""French messages of the CSV and iCalendar import and export."""

CATALOG: dict[str, str] = {
    "{count} posts imported.": "{count} publications importées.",
    "bring data in: posts, web-analytics visits": "importer des données : publications, visites du site",
    "{count} posts exported to {file}.": "{count} publications exportées dans {file}.",
    "posts as CSV (spreadsheet) or iCalendar": "les publications en CSV (tableur) ou iCalendar",
    "file to write (default: standard output)": "fichier à écrire (par défaut : la sortie standard)",
    "create posts from a CSV file (all lines or none)": "créer des publications depuis un fichier CSV (toutes les lignes ou aucune)",
    "schedule the imported posts on their accounts (after validation)": "planifier les publications importées sur leurs comptes (après vérification)",
    "line {n}": "ligne {n}",
    "{name} is not a text (CSV) file.": "{name} n’est pas un fichier texte (CSV).",
    "{name} is too large for a list of posts.": "{name} est trop volumineux pour une liste de publications.",
    'The first line must name the columns; at least "text" or "title" is needed (expected: {columns}).':
        "La première ligne doit nommer les colonnes ; il faut au moins « texte » ou « titre » (colonnes possibles : {columns}).",
    "{name} is empty.": "{name} est vide.",
    "Nothing was imported: {problems}": "Rien n’a été importé : {problems}",
    "{name} holds no post.": "{name} ne contient aucune publication.",
    "{text!r} is not a date (2026-12-03 or 03/12/2026).": "{text!r} n’est pas une date (2026-12-03 ou 03/12/2026).",
    "The file {path} cannot be read: {error}": "Le fichier {path} ne peut pas être lu : {error}",
    "{line}: no title and no text.": "{line} : ni titre ni texte.",
    "a time without a date": "une heure sans date",
    "{text!r} is not a time (14:30).": "{text!r} n’est pas une heure (14:30).",
    "{line}: unknown {kind} {name!r} (known: {known}).": "{line} : {kind} {name!r} introuvable (existants : {known}).",
}
