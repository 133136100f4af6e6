"""French messages of the plugin API (base, http, registry) and the dry-run publisher."""

CATALOG: dict[str, str] = {
    "{platform} cannot tell whether the post was published: check the account and mark it published, or retry.":
        "{platform} ne permet pas de savoir si la publication est partie : vérifiez sur le compte et marquez-la comme publiée, ou renvoyez-la.",
    "The text is empty.": "Le texte est vide.",
    "The caption is {length} characters long; {platform} allows {limit} ({over} too many).":
        "La légende fait {length} caractères ; {platform} en accepte {limit} ({over} de trop).",
    "The text is {length} characters long; {platform} allows {limit} ({over} too many).":
        "Le texte fait {length} caractères ; {platform} en accepte {limit} ({over} de trop).",
    "{platform} needs at least {count} image or video.": "{platform} demande au moins {count} image ou vidéo.",
    "{count} images; {platform} takes at most {limit}.": "{count} images ; {platform} en accepte au plus {limit}.",
    "{platform} does not take videos here.": "{platform} n’accepte pas de vidéo ici.",
    "The text takes {size} bytes; {platform} allows {limit} (emoji and accented letters take several bytes).":
        "Le texte occupe {size} octets ; {platform} en accepte {limit} (émojis et lettres accentuées comptent plusieurs octets).",
    "Image {n} ({name}) is {type}; {platform} takes {types}.": "L’image {n} ({name}) est au format {type} ; {platform} accepte {types}.",
    "Image {n} ({name}) weighs {size} MB; {platform} takes at most {limit} MB.":
        "L’image {n} ({name}) pèse {size} Mo ; {platform} accepte au plus {limit} Mo.",
    "Image {n} ({name}) is {width}×{height} pixels; too large for {platform}.":
        "L’image {n} ({name}) fait {width}×{height} pixels : trop grande pour {platform}.",
    "Image {n} ({name}) has no alternative text: describe it for people who cannot see it.":
        "L’image {n} ({name}) n’a pas de texte alternatif : décrivez-la pour les personnes qui ne la voient pas.",
    "The alternative text of image {n} is {length} characters; {platform} allows {limit}.":
        "Le texte alternatif de l’image {n} fait {length} caractères ; {platform} en accepte {limit}.",
    "Dry run: nothing is sent": "Essai : rien n’est envoyé",
    "{url!r} is not a web address (https://...).": "{url!r} n’est pas une adresse web (https://…).",
    "{url} uses plain http: secrets would travel unencrypted. Use https:// (plain http is only accepted for this computer, e.g. a local test server).":
        "{url} utilise http sans chiffrement : les secrets circuleraient en clair. Utilisez https:// (http n’est accepté que pour cet ordinateur, par exemple un serveur de test local).",
    "Too many requests: {reason}": "Trop de requêtes : {reason}",
    "The account's credentials were refused: {reason}": "Les identifiants du compte ont été refusés : {reason}",
    "The server had a problem ({status}): {reason}": "Le serveur a rencontré un problème ({status}) : {reason}",
    "no answer from {host} in time": "pas de réponse de {host} à temps",
    "the connection to {host} was cut before the answer": "la connexion à {host} a été coupée avant la réponse",
    "{detail}: the post may or may not have been published.": "{detail} : la publication est peut-être partie, peut-être pas.",
    "secure connection to {host} failed": "la connexion sécurisée à {host} a échoué",
    "cannot reach {host} (offline, or the server is down)": "impossible de joindre {host} (pas de réseau, ou serveur arrêté)",
    "The {platform} plugin ({source}) could not be loaded: {error}": "Le module {platform} ({source}) n’a pas pu être chargé : {error}",
    "No publisher for the platform {platform!r}. Known platforms: {known}.":
        "Aucun module de publication pour la plateforme {platform!r}. Plateformes connues : {known}.",
}
