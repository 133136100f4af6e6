"""French messages of ``essplanner meta`` (connecting Facebook, Instagram and Threads)."""

CATALOG: dict[str, str] = {
    "the token expires on {date} (in {days} days)":
        "le jeton expire le {date} (dans {days} jours)",
    "the token does not expire": "le jeton n’expire pas",
    "{name}: images will be uploaded to {folder}; a test file was readable at {url} and deleted.":
        "{name} : les images seront déposées dans {folder} ; un fichier d’essai était lisible à l’adresse {url}, puis a été supprimé.",
    "Expected on standard input, one per line: {what}.":
        "Attendu sur l’entrée standard, un par ligne : {what}.",
    "An account named {name!r} already exists on {platform}: choose another name.":
        "Un compte nommé {name!r} existe déjà sur {platform} : choisissez un autre nom.",
    "Facebook user access token (Graph API Explorer)":
        "Jeton d’accès utilisateur Facebook (Explorateur de l’API Graph)",
    "App secret (App settings › Basic)":
        "Clé secrète de l’application (Paramètres de l’app › Général)",
    "Threads access token (User Token Generator)":
        "Jeton d’accès Threads (générateur de jetons utilisateur)",
    "Threads app secret (Use cases › Threads › Settings)":
        "Clé secrète de l’app Threads (Cas d’utilisation › Threads › Paramètres)",
    "Password of the upload folder (an app password)":
        "Mot de passe du dossier de dépôt (un mot de passe d’application)",
    "connect Facebook Pages, Instagram and Threads":
        "connecter des Pages Facebook, Instagram et Threads",
    "connect a Facebook Page and its Instagram account (token and app secret on stdin)":
        "connecter une Page Facebook et son compte Instagram (jeton et clé secrète sur l’entrée standard)",
    "the Meta app's id": "l’identifiant de l’application Meta",
    "the Page's name or id, if you manage several":
        "le nom ou l’identifiant de la Page, si vous en gérez plusieurs",
    "account name (default: the Page's name)": "nom du compte (par défaut : celui de la Page)",
    "name of the Instagram account": "nom du compte Instagram",
    "do not connect the linked Instagram account": "ne pas connecter le compte Instagram lié",
    "Graph API address (tests, other version)":
        "adresse de l’API Graph (tests, autre version)",
    "connect a Threads profile (token and Threads app secret on stdin)":
        "connecter un profil Threads (jeton et clé secrète de l’app Threads sur l’entrée standard)",
    "account name": "nom du compte",
    "the Threads app's id": "l’identifiant de l’app Threads",
    "Threads API address": "adresse de l’API Threads",
    "where Instagram and Threads images are uploaded (password on stdin)":
        "où déposer les images pour Instagram et Threads (mot de passe sur l’entrée standard)",
    "WebDAV address of the folder": "adresse WebDAV du dossier",
    "WebDAV user name": "nom d’utilisateur WebDAV",
    "public address of a file in the folder, with {name}":
        "adresse publique d’un fichier du dossier, avec {name}",
    "connected": "connecté",
    "reconnected": "reconnecté",
    "No Instagram professional account is linked to this Page (Instagram › Settings › Account type and tools, then link it to the Page).":
        "Aucun compte Instagram professionnel n’est lié à cette Page (Instagram › Paramètres › Type de compte et outils, puis liez-le à la Page).",
    "machine-readable output": "sortie lisible par un programme",
    "{name} ({platform}) {verb}, but the check failed: {error}":
        "{name} ({platform}) {verb}, mais la vérification a échoué : {error}",
    "{name} ({platform}) {verb} as {handle}; {expiry}.":
        "{name} ({platform}) {verb} en tant que {handle} ; {expiry}.",
}
