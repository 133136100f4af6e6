"""French messages of a workspace's first steps (services/starter.py: the first-run assistant)."""

CATALOG: dict[str, str] = {
    "The logo must be an image ({kinds}).": "Le logo doit être une image ({kinds}).",
    "There is no file {path}.": "Il n’y a pas de fichier {path}.",
    "Unknown language {name!r}.": "Langue inconnue : {name!r}.",
    "The logo was not copied: {error}": "Le logo n’a pas été copié : {error}",
}
