"""French messages about what is refused or masked for safety: control characters in posts."""

CATALOG: dict[str, str] = {
    "{field}: the invisible control character {char} is not allowed; remove it.":
        "{field} : le caractère de contrôle invisible {char} n’est pas autorisé ; supprimez-le.",
    "Title": "Titre",
    "Text": "Texte",
    "Link": "Lien",
    "Call to action": "Appel à l’action",
    "Hashtag": "Hashtag",
    "Image description": "Description de l’image",
    "Text for {account}": "Texte pour {account}",
}
