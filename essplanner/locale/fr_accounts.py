"""French messages of accounts (connecting, checking, removing) and metrics."""

CATALOG: dict[str, str] = {
    # accounts.py
    "There is no account named {name!r}. Accounts: {known}.":
        "Il n’y a pas de compte nommé {name!r}. Comptes : {known}.",
    "A {platform} account needs: {fields}.": "Un compte {platform} demande : {fields}.",
    "The new secret is empty.": "Le nouveau secret est vide.",
    "{platform} cannot connect through the browser; give its secret instead.":
        "{platform} ne peut pas se connecter par le navigateur ; donnez plutôt son secret.",
    "Give the server's address first.": "Indiquez d’abord l’adresse du serveur.",
    # commands/account.py
    "Secret (not shown): ": "Secret (non affiché) : ",
    "Nothing was read on standard input: pipe the secret into the command (--secret-stdin).":
        "Rien n’a été lu sur l’entrée standard : envoyez le secret à la commande par un tube (--secret-stdin).",
    "--setting takes KEY=VALUE, not {pair!r}.": "--setting attend CLÉ=VALEUR, pas {pair!r}.",
    "Opening the platform's page to authorise ESS Planner. If no browser opens, visit:\n{url}":
        "Ouverture de la page de la plateforme pour autoriser ESS Planner. Si aucun navigateur ne s’ouvre, allez sur :\n{url}",
    "needs reconnecting: {reason}": "à reconnecter : {reason}",
    "checked {when}": "vérifié le {when}",
    "not checked yet": "pas encore vérifié",
    "{name}: connected as {handle}.": "{name} : connecté en tant que {handle}.",
    "{name}: the credentials were refused: {reason}\nReconnect with: essplanner account reconnect {quoted} --secret-stdin":
        "{name} : les identifiants ont été refusés : {reason}\nReconnectez avec : essplanner account reconnect {quoted} --secret-stdin",
    "{name}: cannot check now: {reason}": "{name} : vérification impossible pour l’instant : {reason}",
    "Choose --secret-stdin or --browser, not both.": "Choisissez --secret-stdin ou --browser, pas les deux.",
    "Account {name} added ({platform}). Check the login with: essplanner account check {quoted}":
        "Compte {name} ajouté ({platform}). Vérifiez la connexion avec : essplanner account check {quoted}",
    "No accounts yet.": "Aucun compte pour l’instant.",
    "Give the new secret with --secret-stdin, or use --browser.":
        "Donnez le nouveau secret avec --secret-stdin, ou utilisez --browser.",
    "New secret stored for {name}.": "Nouveau secret enregistré pour {name}.",
    "Account {name} removed; its secrets were deleted from the keyring.":
        "Compte {name} supprimé ; ses secrets ont été effacés du trousseau.",
    "(optional)": "(facultatif)",
    "connected accounts (secrets in the keyring)": "comptes connectés (secrets dans le trousseau)",
    "read the secret (app password, token) from standard input":
        "lire le secret (mot de passe d’application, jeton) sur l’entrée standard",
    "connect through the platform's page in the browser (Mastodon)":
        "se connecter par la page de la plateforme dans le navigateur (Mastodon)",
    "log in right away": "se connecter tout de suite",
    "connect an account": "connecter un compte",
    "bluesky, mastodon, telegram...": "bluesky, mastodon, telegram…",
    "a name for the account in ESS Planner": "un nom pour le compte dans ESS Planner",
    "server address (Mastodon instance, Bluesky PDS, Bot API server)":
        "adresse du serveur (instance Mastodon, PDS Bluesky, serveur Bot API)",
    "login handle (Bluesky)": "identifiant de connexion (Bluesky)",
    "a platform setting, e.g. chat_id=@channel (Telegram)":
        "un réglage de la plateforme, par exemple chat_id=@canal (Telegram)",
    "list accounts": "lister les comptes",
    "log in and report the handle": "se connecter et afficher l’identifiant",
    "give an account a new secret": "donner un nouveau secret à un compte",
    "forget an account and delete its secrets": "oublier un compte et effacer ses secrets",
    "platforms that can be connected": "plateformes qui peuvent être connectées",
    # commands/metrics.py
    "--days must be at least 1.": "--days doit valoir au moins 1.",
    "{read} posts read, {stored} values stored, {none} without metrics.":
        "{read} publications lues, {stored} valeurs enregistrées, {none} sans statistiques.",
    "likes, reposts and replies of published posts":
        "« j’aime », republications et réponses des publications parues",
    "read the counters of recently published posts":
        "lire les compteurs des publications récentes",
    "posts of the last N days (30)": "publications des N derniers jours (30)",
}
