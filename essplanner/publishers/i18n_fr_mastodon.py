"""French messages of the Mastodon publisher."""

CATALOG: dict[str, str] = {
    # account fields
    "Instance": "Instance",
    "The address of the association's Mastodon server.": "L’adresse du serveur Mastodon de l’association.",
    "Access token": "Jeton d’accès",
    "Preferences › Development › New application, with the scopes read:accounts, read:statuses, write:statuses and write:media; copy « Your access token ».":
        "Préférences › Développement › Nouvelle application, avec les autorisations read:accounts, read:statuses, write:statuses et write:media ; copiez « Votre jeton d’accès ».",
    "Default visibility": "Visibilité par défaut",
    "public, unlisted, private (followers only) or direct.":
        "public, unlisted (non listé), private (abonné·es seulement) ou direct.",
    # mastodon.py
    "{count} attachments; this Mastodon server takes at most {limit}.":
        "{count} pièces jointes ; ce serveur Mastodon en accepte au plus {limit}.",
    "Unknown visibility {value!r}; choose public, unlisted, private or direct.":
        "Visibilité {value!r} inconnue ; choisissez public, unlisted, private ou direct.",
    "{value!r} is not a language code (fr, en, br...).":
        "{value!r} n’est pas un code de langue (fr, en, br…).",
    "Video {n} ({name}) weighs {size} MB; this Mastodon server takes at most {limit} MB.":
        "La vidéo {n} ({name}) pèse {size} Mo ; ce serveur Mastodon accepte au plus {limit} Mo.",
    "The Mastodon account has no instance address: add it in the account settings (https://...).":
        "Le compte Mastodon n’a pas d’adresse d’instance : ajoutez-la dans les réglages du compte (https://…).",
    "No access token is stored for this Mastodon account: reconnect it.":
        "Aucun jeton d’accès n’est enregistré pour ce compte Mastodon : reconnectez-le.",
    "The file {name} cannot be read: {error}": "Le fichier {name} ne peut pas être lu : {error}",
    "Mastodon is still processing {name}; the post will be tried again later.":
        "Mastodon traite encore {name} ; l’envoi sera retenté plus tard.",
    "Mastodon cannot tell whether this post went out{since}: it is not among the account's latest statuses, but the text may have been changed by the server. Check the account, then mark it published or retry.":
        "Mastodon ne permet pas de savoir si cette publication est partie{since} : elle n’est pas parmi les derniers messages du compte, mais le serveur a pu modifier le texte. Vérifiez le compte, puis marquez-la comme publiée ou renvoyez-la.",
    "The instance refused the connection: {reason}": "L’instance a refusé la connexion : {reason}",
}
