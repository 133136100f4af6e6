"""French messages of the core parts of the calendar and editor (undo, hashtag sets, screenshots)."""

CATALOG: dict[str, str] = {
    "#{tag} is not a hashtag: use letters, digits and _ only, with no spaces.":
        "#{tag} n’est pas un hashtag : utilisez seulement des lettres, des chiffres et _, sans espace.",
    "Give the hashtag set a name.": "Donnez un nom à la liste de hashtags.",
    "A hashtag set needs at least one hashtag.": "Une liste de hashtags doit en contenir au moins un.",
    "There is no hashtag set number {id}.": "Il n’y a pas de liste de hashtags numéro {id}.",
    "This post is being sent right now; try again in a moment.":
        "Cette publication est en cours d’envoi ; réessayez dans un instant.",
}
