"""French messages of the shared plugin helpers: images, browser logins."""

CATALOG: dict[str, str] = {
    # media.py
    "{name} cannot be read as an image.": "{name} ne peut pas être lu comme une image.",
    "{name} is far too large an image.": "{name} est une image beaucoup trop grande.",
    "The image {name} cannot be read: {error}": "L’image {name} ne peut pas être lue : {error}",
    "The image {name} cannot be made small enough for the platform.":
        "L’image {name} ne peut pas être assez réduite pour la plateforme.",
    # oauth.py
    "ESS Planner is connected. You can close this window.":
        "ESS Planner est connecté. Vous pouvez fermer cette fenêtre.",
    "The connection was not authorised. You can close this window.":
        "La connexion n’a pas été autorisée. Vous pouvez fermer cette fenêtre.",
    "The connection was cancelled.": "La connexion a été annulée.",
    "No answer from the browser in time: the connection was not made.":
        "Pas de réponse du navigateur à temps : la connexion n’a pas été établie.",
    "The platform refused the connection: {reason}": "La plateforme a refusé la connexion : {reason}",
}
