"""French messages of the Bluesky publisher."""

CATALOG: dict[str, str] = {
    # account fields
    "Handle": "Identifiant",
    "The account's handle, without the @.": "L’identifiant du compte, sans le @.",
    "App password": "Mot de passe d’application",
    "Created in Bluesky: Settings › Privacy and security › App passwords. Never the account's main password.":
        "À créer dans Bluesky : Paramètres › Confidentialité et sécurité › Mots de passe d’application. Jamais le mot de passe principal du compte.",
    "Server (PDS)": "Serveur (PDS)",
    "Only for accounts hosted on their own server.": "Seulement pour les comptes hébergés sur leur propre serveur.",
    "Statistics server (AppView)": "Serveur de statistiques (AppView)",
    "Where likes and reposts are read; empty: through the server.":
        "Où lire les mentions « j’aime » et les republications ; vide : via le serveur.",
    # atproto.py
    "The Bluesky server gave an unexpected answer (no {key}).":
        "Le serveur Bluesky a donné une réponse inattendue (pas de {key}).",
    "The Bluesky server gave an unexpected answer ({status}).":
        "Le serveur Bluesky a donné une réponse inattendue ({status}).",
    "Bluesky refused the account: {reason}": "Bluesky a refusé le compte : {reason}",
    "The Bluesky account has no handle: reconnect it with its handle (e.g. association.bsky.social).":
        "Le compte Bluesky n’a pas d’identifiant : reconnectez-le avec son identifiant (par exemple association.bsky.social).",
    "No app password is stored for this Bluesky account: reconnect it.":
        "Aucun mot de passe d’application n’est enregistré pour ce compte Bluesky : reconnectez-le.",
    "Bluesky asks for a confirmation code: this is the account's main password. Create an app password in Bluesky's settings and use it instead.":
        "Bluesky demande un code de confirmation : c’est le mot de passe principal du compte. Créez un mot de passe d’application dans les paramètres de Bluesky et utilisez-le à la place.",
    "Bluesky refused the handle {handle} with this app password ({reason}). Check the handle, or create a new app password and reconnect.":
        "Bluesky a refusé l’identifiant {handle} avec ce mot de passe d’application ({reason}). Vérifiez l’identifiant, ou créez un nouveau mot de passe d’application et reconnectez le compte.",
    # bluesky.py
    "The post's key {key!r} is not a valid Bluesky record key.":
        "La clé de la publication {key!r} n’est pas une clé d’enregistrement Bluesky valide.",
    "The Bluesky server refuses the image {name} even when made smaller.":
        "Le serveur Bluesky refuse l’image {name}, même réduite.",
    "Bluesky could not say whether the post exists: {reason}":
        "Bluesky n’a pas pu dire si la publication existe : {reason}",
    "This login used the account's main password. Create an app password in Bluesky's settings and reconnect with it: it can be revoked alone, and cannot change the password or delete the account.":
        "Cette connexion utilise le mot de passe principal du compte. Créez un mot de passe d’application dans les paramètres de Bluesky et reconnectez-vous avec : il peut être révoqué seul, et ne permet ni de changer le mot de passe ni de supprimer le compte.",
    "Bluesky says this account is not active ({status}).":
        "Bluesky indique que ce compte n’est pas actif ({status}).",
}
