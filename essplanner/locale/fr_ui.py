"""French messages of the core parts of the calendar and editor (undo, hashtag sets, screenshots)."""

CATALOG: dict[str, str] = {
    "#{tag} is not a hashtag: use letters, digits and _ only, with no spaces.":
        "#{tag} n’est pas un hashtag : utilisez seulement des lettres, des chiffres et _, sans espace.",
    "Give the hashtag set a name.": "Donnez un nom à la liste de hashtags.",
    "A hashtag set needs at least one hashtag.": "Une liste de hashtags doit en contenir au moins un.",
    "There is no hashtag set number {id}.": "Il n’y a pas de liste de hashtags numéro {id}.",
    "This post is being sent right now; try again in a moment.":
        "Cette publication est en cours d’envoi ; réessayez dans un instant.",
    "Choose at least one account to publish on.": "Choisissez au moins un compte où publier.",
    # screenshot command
    "save a picture of the calendar or the editor": "enregistrer une image du calendrier ou de l’éditeur",
    "the day to show (default: today)": "le jour à montrer (par défaut : aujourd’hui)",
    "the post to open in the editor (default: the first of the day)":
        "la publication à ouvrir dans l’éditeur (par défaut : la première du jour)",
    "window size": "taille de la fenêtre",
    "--size must look like 1280x820.": "--size doit ressembler à 1280x820.",
    "could not write {path}": "impossible d’écrire {path}",
}
