"""French messages of the Facebook, Instagram and Threads publishers and their helpers
(Graph API, containers, WebDAV upload folder)."""

CATALOG: dict[str, str] = {
    # graph.py: reasons of a refused token (code 190 subcodes)
    "the app was removed from the account": "l’application a été retirée du compte",
    "Meta asks the account owner to log in again (security check)":
        "Meta demande au titulaire du compte de se reconnecter (contrôle de sécurité)",
    "the password of the account was changed": "le mot de passe du compte a été changé",
    "the access token has expired": "le jeton d’accès a expiré",
    "the account owner has not confirmed their account":
        "le titulaire n’a pas confirmé son compte",
    "the access token is no longer valid": "le jeton d’accès n’est plus valide",
    "the person who connected the account no longer manages the Page":
        "la personne qui a connecté le compte ne gère plus la Page",
    "no explanation given": "sans explication",
    # graph.py: errors
    "{platform} refused the request: {reason}": "{platform} a refusé la requête : {reason}",
    "{platform} refused the access token: {reason}. Reconnect the account.":
        "{platform} a refusé le jeton d’accès : {reason}. Reconnectez le compte.",
    "{platform} is limiting the number of requests ({reason}); trying again in {minutes} min.":
        "{platform} limite le nombre de requêtes ({reason}) ; nouvel essai dans {minutes} min.",
    "{platform} has not finished processing the media yet.":
        "{platform} n’a pas fini de traiter le média.",
    "The {platform} publishing limit for the last 24 hours is reached; the post will be tried again later.":
        "La limite de publications de {platform} sur 24 heures est atteinte ; la publication sera retentée plus tard.",
    "{platform} could not download the media from its public address: check the public share of the upload folder ({reason}).":
        "{platform} n’a pas pu télécharger le média depuis son adresse publique : vérifiez le partage public du dossier de dépôt ({reason}).",
    "{platform} has temporarily blocked this account from posting (policy enforcement): {reason}":
        "{platform} empêche temporairement ce compte de publier (application de ses règles) : {reason}",
    "{platform} refused the post as a duplicate of one already published: {reason}":
        "{platform} a refusé la publication comme doublon d’une publication existante : {reason}",
    "{platform} says the app reached a limit: {reason}":
        "{platform} indique que l’application a atteint une limite : {reason}",
    "{platform} had a temporary problem: {reason}":
        "{platform} a rencontré un problème passager : {reason}",
    "{platform} says the app lacks a permission: {reason}. Reconnect the account and grant every permission asked.":
        "{platform} indique qu’il manque une autorisation à l’application : {reason}. Reconnectez le compte en accordant toutes les autorisations demandées.",
    "{platform} could not read the link in the post: {reason}":
        "{platform} n’a pas pu lire le lien de la publication : {reason}",
    "{platform} had a problem ({status}): {reason}":
        "{platform} a rencontré un problème ({status}) : {reason}",
    "{platform} sent an answer that is not JSON (HTTP {status}).":
        "{platform} a envoyé une réponse illisible (pas du JSON, HTTP {status}).",
    # graph.py: tokens
    "The {platform} access token expires on {date} (in {days} days): reconnect the account before then, or posts will fail.":
        "Le jeton d’accès {platform} expire le {date} (dans {days} jours) : reconnectez le compte d’ici là, sinon les publications échoueront.",
    "The {platform} token lacks these permissions: {missing}. Reconnect and grant them.":
        "Il manque ces autorisations au jeton {platform} : {missing}. Reconnectez le compte en les accordant.",
    "The {platform} access token expired on {date}: reconnect the account (see the Meta guide in docs/platforms/).":
        "Le jeton d’accès {platform} a expiré le {date} : reconnectez le compte (voir le guide Meta dans docs/platforms/).",
    "Meta's data access for this {platform} connection ends on {date}: if posts or counters start failing then, reconnect the account.":
        "L’accès de Meta aux données de cette connexion {platform} prend fin le {date} : si les publications ou les compteurs échouent à partir de là, reconnectez le compte.",
    # container.py
    "{platform} allows {total} posts per 24 hours through the API and {used} are used: the post will be tried again when the quota frees up.":
        "{platform} autorise {total} publications par 24 heures via l’API et {used} sont déjà faites : la publication sera retentée quand le quota se libérera.",
    "{platform} did not return a container id.":
        "{platform} n’a pas renvoyé d’identifiant de conteneur.",
    "{platform} could not process the media: {detail}":
        "{platform} n’a pas pu traiter le média : {detail}",
    "The {platform} container expired before it was published; a new one will be made.":
        "Le conteneur {platform} a expiré avant d’être publié ; un nouveau sera créé.",
    "{platform} is still processing the media after {minutes} min; the post will be published on the next attempt.":
        "{platform} traite encore le média après {minutes} min ; la publication partira à la prochaine tentative.",
    "{platform} could not be asked whether the post exists: {reason}":
        "Impossible de demander à {platform} si la publication existe : {reason}",
    "The answer of {platform} was lost and the container could not be read: the post may or may not exist (it will be checked, never sent twice).":
        "La réponse de {platform} s’est perdue et le conteneur n’a pas pu être lu : la publication existe peut-être (ce sera vérifié, elle ne partira jamais deux fois).",
    # facebook.py
    "Facebook cannot tell whether a post without text was published: check the Page, then mark it published or retry.":
        "Facebook ne permet pas de savoir si une publication sans texte est partie : vérifiez sur la Page, puis marquez-la comme publiée ou renvoyez-la.",
    "This is a {kind} token, not the Page's own token: posts may fail or appear under a person's name. Reconnect with `essplanner meta connect`.":
        "Ce jeton est de type « {kind} », pas le jeton propre à la Page : les publications peuvent échouer ou paraître au nom d’une personne. Reconnectez avec `essplanner meta connect`.",
    "The token belongs to another Page ({id}).": "Le jeton appartient à une autre Page ({id}).",
    "Facebook refused the post as a duplicate: a post with the same text is already on the Page{where}. Nothing was published; change the text or delete the other post, then retry.":
        "Facebook a refusé la publication comme doublon : une publication avec le même texte est déjà sur la Page{where}. Rien n’a été publié ; modifiez le texte ou supprimez l’autre publication, puis renvoyez.",
    # instagram.py
    "A {platform} carousel takes 2 to {limit} items; this post has {count}.":
        "Un carrousel {platform} contient de 2 à {limit} éléments ; cette publication en a {count}.",
    "Video {n} ({name}) is {type}; {platform} takes MP4 or MOV.":
        "La vidéo {n} ({name}) est au format {type} ; {platform} accepte MP4 ou MOV.",
    "Video {n} ({name}) weighs {size} MB; {platform} takes at most 1000 MB.":
        "La vidéo {n} ({name}) pèse {size} Mo ; {platform} accepte au plus 1000 Mo.",
    "The caption has {count} hashtags; Instagram allows {limit}.":
        "La légende contient {count} hashtags ; Instagram en accepte {limit}.",
    "The caption mentions {count} accounts; Instagram allows {limit}.":
        "La légende mentionne {count} comptes ; Instagram en accepte {limit}.",
    "Instagram does not take alternative text for reels; it will not be sent.":
        "Instagram n’accepte pas de texte alternatif pour les reels ; il ne sera pas envoyé.",
    "Links in Instagram captions cannot be clicked: say where to find it (e.g. « lien dans la bio »).":
        "Les liens des légendes Instagram ne sont pas cliquables : dites où le trouver (par exemple « lien dans la bio »).",
    "{used} of the {total} posts allowed per 24 hours are used.":
        "{used} des {total} publications autorisées par 24 heures sont utilisées.",
    "Image {n} ({name}) will be converted to JPEG: Instagram takes only JPEG.":
        "L’image {n} ({name}) sera convertie en JPEG : Instagram n’accepte que le JPEG.",
    "Image {n} ({name}) is {width}×{height}: Instagram feed images should be between 4:5 (portrait) and 1.91:1 (landscape), or they may be refused; crop it.":
        "L’image {n} ({name}) fait {width}×{height} : les images du fil Instagram doivent être entre 4:5 (portrait) et 1,91:1 (paysage), sinon elles risquent d’être refusées ; recadrez-la.",
    # mediahost.py, metabase.py
    "Image {n} ({name}) is {type}; {platform} does not take it.":
        "L’image {n} ({name}) est au format {type} ; {platform} ne l’accepte pas.",
    "No {platform} access token is stored for this account: reconnect it.":
        "Aucun jeton d’accès {platform} n’est enregistré pour ce compte : reconnectez-le.",
    "The {platform} account has no {name} setting: connect it with `essplanner meta connect` (see the Meta guide in docs/platforms/).":
        "Il manque le réglage {name} au compte {platform} : connectez-le avec `essplanner meta connect` (voir le guide Meta dans docs/platforms/).",
    "{platform} says the access token is no longer valid: reconnect the account.":
        "{platform} indique que le jeton d’accès n’est plus valide : reconnectez le compte.",
    "Upload folder: {reason}": "Dossier de dépôt : {reason}",
    "The expiry of the {platform} token could not be read: {reason}":
        "La date d’expiration du jeton {platform} n’a pas pu être lue : {reason}",
    # metaconnect.py
    "No Page called {wanted!r}; the Pages are: {pages}.":
        "Aucune Page ne s’appelle {wanted!r} ; les Pages sont : {pages}.",
    "Facebook gave no long-lived token.": "Facebook n’a pas fourni de jeton longue durée.",
    "This Facebook user manages no Page the app may use: when logging in, tick the Page (and its Instagram account) in the list Meta shows.":
        "Cet utilisateur Facebook ne gère aucune Page accessible à l’application : lors de la connexion, cochez la Page (et son compte Instagram) dans la liste affichée par Meta.",
    "You manage several Pages: {pages}. Say which one with --page.":
        "Vous gérez plusieurs Pages : {pages}. Indiquez laquelle avec --page.",
    "Threads gave no long-lived token.": "Threads n’a pas fourni de jeton longue durée.",
    # threads.py
    "Threads gave no new token when asked to renew it.":
        "Threads n’a pas fourni de nouveau jeton lors du renouvellement.",
    "The Threads token could not be renewed ({reason}); reconnect the account before it expires.":
        "Le jeton Threads n’a pas pu être renouvelé ({reason}) ; reconnectez le compte avant son expiration.",
    "No upload folder is set: text posts work, images and videos need one (see the Meta guide).":
        "Aucun dossier de dépôt n’est configuré : les publications de texte fonctionnent, les images et vidéos en ont besoin (voir le guide Meta).",
    # webdav.py
    "{platform} fetches images from a public web address: set the account's upload folder (webdav_url) and its public address (public_url_pattern) — see the Meta guide in docs/platforms/.":
        "{platform} va chercher les images à une adresse web publique : configurez le dossier de dépôt du compte (webdav_url) et son adresse publique (public_url_pattern) — voir le guide Meta dans docs/platforms/.",
    "The public address pattern must contain {name} where the file name goes (e.g. https://cloud.example.org/public.php/dav/files/TOKEN/{name}).":
        "Le modèle d’adresse publique doit contenir {name} à la place du nom de fichier (par exemple https://cloud.example.org/public.php/dav/files/JETON/{name}).",
    "The upload folder refused the login ({status}) for {what}: check the WebDAV user and password.":
        "Le dossier de dépôt a refusé la connexion ({status}) pour {what} : vérifiez l’utilisateur et le mot de passe WebDAV.",
    "The upload folder is full (507 Insufficient Storage).":
        "Le dossier de dépôt est plein (507 Insufficient Storage).",
    "The upload folder answered {status} for {what}.":
        "Le dossier de dépôt a répondu {status} pour {what}.",
    "the folder": "le dossier",
    "creating the folder": "la création du dossier",
    "The file uploaded to the folder is not visible at its public address {url} (HTTP {status}): check the public share and public_url_pattern.":
        "Le fichier déposé dans le dossier n’est pas visible à son adresse publique {url} (HTTP {status}) : vérifiez le partage public et public_url_pattern.",
    'Page id':
        'Identifiant de la Page',
    "The numeric id of the association's Facebook Page (shown by `essplanner meta connect`, or in the Page's About section).":
        'L’identifiant numérique de la Page Facebook de l’association (affiché par `essplanner meta connect`, ou dans la rubrique « À propos » de la Page).',
    'Page access token':
        'Jeton d’accès de la Page',
    'A long-lived Page token. The simplest way: `essplanner meta connect` exchanges a user token and picks the Page for you (see the guide).':
        'Un jeton de Page longue durée. Le plus simple : `essplanner meta connect` échange un jeton utilisateur et choisit la Page pour vous (voir le guide).',
    'Instagram account id':
        'Identifiant du compte Instagram',
    'The id of the Instagram professional account linked to the Page (found by `essplanner meta connect`). Images need a public folder: `essplanner meta upload-folder`.':
        'L’identifiant du compte Instagram professionnel lié à la Page (trouvé par `essplanner meta connect`). Les images ont besoin d’un dossier public : `essplanner meta upload-folder`.',
    'The Page token of the linked Facebook Page (`essplanner meta connect` stores it for you).':
        'Le jeton de la Page Facebook liée (`essplanner meta connect` l’enregistre pour vous).',
    'Threads user id':
        'Identifiant utilisateur Threads',
    'Your Threads user id (found by `essplanner meta threads`). Images need a public folder: `essplanner meta upload-folder`.':
        'Votre identifiant utilisateur Threads (trouvé par `essplanner meta threads`). Les images ont besoin d’un dossier public : `essplanner meta upload-folder`.',
    'Threads access token':
        'Jeton d’accès Threads',
    'A long-lived Threads token (`essplanner meta threads` exchanges and stores it).':
        'Un jeton Threads longue durée (`essplanner meta threads` l’échange et l’enregistre).',
}
