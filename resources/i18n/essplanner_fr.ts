<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountEditor</name>
    <message>
        <source>No network in particular</source>
        <translation>Aucun réseau en particulier</translation>
    </message>
    <message>
        <source>e.g. Bluesky of the association</source>
        <translation>par ex. Bluesky de l’association</translation>
    </message>
    <message>
        <source>Log in with the &amp;browser…</source>
        <translation>Se connecter avec le &amp;navigateur…</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Réseau</translation>
    </message>
    <message>
        <source>&amp;Imitates</source>
        <translation>&amp;Imite</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Reconnecter %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connecter un compte</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(facultatif)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Identifiant client (client id)</translation>
    </message>
    <message>
        <source>(kept: type to replace)</source>
        <translation>(conservé&#xa0;: tapez pour le remplacer)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Waiting for the authorisation in the browser…</source>
        <translation>En attente de l’autorisation dans le navigateur…</translation>
    </message>
    <message>
        <source>No place to publish was chosen: log in again to choose one.</source>
        <translation>Aucun endroit où publier n’a été choisi&#xa0;: connectez-vous de nouveau pour en choisir un.</translation>
    </message>
    <message>
        <source>(received from the browser)</source>
        <translation>(reçu du navigateur)</translation>
    </message>
    <message>
        <source>Authorised as %1. Click OK to save.</source>
        <translation>Autorisé en tant que %1. Cliquez sur OK pour enregistrer.</translation>
    </message>
    <message>
        <source>The browser login did not succeed</source>
        <translation>La connexion par le navigateur n’a pas abouti</translation>
    </message>
    <message>
        <source>Open this address in your browser: %1</source>
        <translation>Ouvrez cette adresse dans votre navigateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Where to publish</source>
        <translation>Où publier</translation>
    </message>
    <message>
        <source>This login can publish in several places. Where should the posts of this account go?</source>
        <translation>Cette connexion peut publier à plusieurs endroits. Où les publications de ce compte doivent-elles partir&#x202f;?</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>The login was refused: %1 Correct it and try again.</source>
        <translation>La connexion a été refusée&#xa0;: %1 Corrigez et réessayez.</translation>
    </message>
    <message>
        <source>The account was not added.</source>
        <translation>Le compte n’a pas été ajouté.</translation>
    </message>
    <message>
        <source>The account was not added</source>
        <translation>Le compte n’a pas été ajouté</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>A first account</source>
        <translation>Un premier compte</translation>
    </message>
    <message>
        <source>Where posts go out. A test account lets you try everything first: it publishes nothing.</source>
        <translation>Là où les publications partent. Un compte d’essai permet de tout essayer d’abord&#xa0;: il ne publie rien.</translation>
    </message>
    <message>
        <source>A &amp;test account that publishes nothing</source>
        <translation>Un compte d’&amp;essai qui ne publie rien</translation>
    </message>
    <message>
        <source>A &amp;real account</source>
        <translation>Un compte &amp;réel</translation>
    </message>
    <message>
        <source>&amp;Connect the account…</source>
        <translation>&amp;Connecter le compte…</translation>
    </message>
    <message>
        <source>&amp;Imitates:</source>
        <translation>&amp;Imite&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Posts are checked with the rules of the chosen network (length, images…) and recorded instead of sent.</source>
        <translation>Les publications sont vérifiées avec les règles du réseau choisi (longueur, images…) et enregistrées au lieu d’être envoyées.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plateforme&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (essai)</translation>
    </message>
    <message>
        <source>Connecting an account: Tools › Accounts… › Add…, then follow what the form asks for this platform.</source>
        <translation>Pour connecter un compte&#xa0;: Outils › Comptes… › Ajouter…, puis suivez ce que le formulaire demande pour cette plateforme.</translation>
    </message>
    <message>
        <source>Connecting %1…</source>
        <translation>Connexion de %1…</translation>
    </message>
    <message>
        <source>%1 is connected.</source>
        <translation>%1 est connecté.</translation>
    </message>
    <message>
        <source>%1 was added but not confirmed: %2</source>
        <translation>%1 a été ajouté mais pas confirmé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The account was not added</source>
        <translation>Le compte n’a pas été ajouté</translation>
    </message>
    <message>
        <source>The test account needs a name.</source>
        <translation>Le compte d’essai a besoin d’un nom.</translation>
    </message>
    <message>
        <source>An account named %1 already exists.</source>
        <translation>Un compte nommé %1 existe déjà.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnecter…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;tirer…</translation>
    </message>
    <message>
        <source>&amp;Handover…</source>
        <translation>&amp;Passation…</translation>
    </message>
    <message>
        <source>Who connected the account, whose login it is, the backup administrators and where the recovery codes are kept</source>
        <translation>Qui a connecté le compte, avec quelle connexion, les administrateurs de secours et où sont conservés les codes de secours</translation>
    </message>
    <message>
        <source>Handover check&amp;list…</source>
        <translation>&amp;Liste de passation…</translation>
    </message>
    <message>
        <source>A PDF of what a departing volunteer must hand over</source>
        <translation>Un PDF de ce qu’un bénévole qui part doit transmettre</translation>
    </message>
    <message>
        <source>No accounts connected yet</source>
        <translation>Aucun compte connecté pour l’instant</translation>
    </message>
    <message>
        <source>An account is a page or profile of the association on a network (Facebook, Mastodon, Bluesky…) where planned posts go out at their time. Connect one with the help of its platform guide; or choose “Dry run” to try everything with a test account that publishes nothing.</source>
        <translation>Un compte est une page ou un profil de l’association sur un réseau (Facebook, Mastodon, Bluesky…) où les publications planifiées partent à leur heure. Connectez-en un en suivant le guide de sa plateforme&#x202f;; ou choisissez « Essai à blanc » pour tout essayer avec un compte d’essai qui ne publie rien.</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connecter un compte</translation>
    </message>
    <message>
        <source>Handover checklist saved to %1.</source>
        <translation>Liste de passation enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source>The account could not be checked</source>
        <translation>Le compte n’a pas pu être vérifié</translation>
    </message>
    <message>
        <source>The account was not reconnected</source>
        <translation>Le compte n’a pas été reconnecté</translation>
    </message>
    <message>
        <source>Remove the account</source>
        <translation>Retirer le compte</translation>
    </message>
    <message>
        <source>Remove the account %1? Its secrets are deleted from the keyring, and posts planned on it will no longer go out there.</source>
        <translation>Retirer le compte %1&#x202f;? Ses secrets sont effacés du trousseau, et les publications prévues dessus n’y partiront plus.</translation>
    </message>
    <message>
        <source>%1 was removed and its secrets deleted.</source>
        <translation>%1 a été retiré et ses secrets effacés.</translation>
    </message>
    <message>
        <source>The account was not removed</source>
        <translation>Le compte n’a pas été retiré</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 a été ajouté.</translation>
    </message>
    <message>
        <source>%1: connected as %2.</source>
        <translation>%1&#xa0;: connecté en tant que %2.</translation>
    </message>
    <message>
        <source>%1: the credentials were refused. %2</source>
        <translation>%1&#xa0;: les identifiants ont été refusés. %2</translation>
    </message>
    <message>
        <source>%1 cannot be checked now: %2</source>
        <translation>%1 ne peut pas être vérifié maintenant&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation>À reconnecter</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
</context>
<context>
    <name>AgendaDelegate</name>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (aujourd’hui)</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>No date yet</source>
        <translation>Sans date pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n post(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n publication</numerusform>
            <numerusform>%1&#xa0;: %n publications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssociationPage</name>
    <message>
        <source>Your association</source>
        <translation>Votre association</translation>
    </message>
    <message>
        <source>Its name and logo appear in reports; the time zone is the one posts are planned in.</source>
        <translation>Son nom et son logo figurent dans les rapports&#x202f;; le fuseau horaire est celui dans lequel les publications sont planifiées.</translation>
    </message>
    <message>
        <source>e.g. Énergie Solidaire</source>
        <translation>p. ex. Énergie Solidaire</translation>
    </message>
    <message>
        <source>An image file (PNG, JPEG, SVG…)</source>
        <translation>Un fichier image (PNG, JPEG, SVG…)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name of the association:</source>
        <translation>&amp;Nom de l’association&#xa0;:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;ngue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Type to search, e.g. “Paris” or “Montreal”.</source>
        <translation>Tapez pour chercher, p. ex. « Paris » ou « Montreal ».</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Your teammates see your name on the posts you write, submit, approve or comment.</source>
        <translation>Vos coéquipiers voient votre nom sur les publications que vous écrivez, soumettez, approuvez ou commentez.</translation>
    </message>
    <message>
        <source>The association&apos;s logo</source>
        <translation>Le logo de l’association</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>The logo %1 is not an image this app can read.</source>
        <translation>Le logo %1 n’est pas une image que l’application sait lire.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>The account %1 must be reconnected before this post can go out.</source>
        <translation>Le compte %1 doit être reconnecté pour que cette publication puisse partir.</translation>
    </message>
    <message>
        <source>The account %1 is disabled: nothing goes out there.</source>
        <translation>Le compte %1 est désactivé&#xa0;: rien n’y part.</translation>
    </message>
    <message>
        <source>The network refuses every post of %1 until you act on its side; then choose &quot;%2&quot;.</source>
        <translation>Le réseau refuse toutes les publications de %1 tant que vous n’avez pas agi de son côté&#x202f;; choisissez ensuite « %2 ».</translation>
    </message>
    <message>
        <source>The team&apos;s rule: it goes out at its time only once an approver has approved it.</source>
        <translation>Règle de l’équipe&#xa0;: elle ne part à son heure qu’une fois approuvée par un approbateur.</translation>
    </message>
    <message>
        <source>It was due while no publishing service was running.</source>
        <translation>Elle devait partir alors qu’aucun service de publication ne fonctionnait.</translation>
    </message>
    <message>
        <source>The network did not answer: the post may or may not be online.</source>
        <translation>Le réseau n’a pas répondu&#xa0;: la publication est peut-être en ligne, peut-être pas.</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Rien ne demande votre attention.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Mark as published</source>
        <translation>&amp;Marquer comme publiée</translation>
    </message>
    <message>
        <source>Re&amp;schedule…</source>
        <translation>Re&amp;planifier…</translation>
    </message>
    <message>
        <source>&amp;Cancel the post</source>
        <translation>&amp;Annuler la publication</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Envoyer à nouveau&#x202f;?</translation>
    </message>
    <message>
        <source>%1 may already be online on %2: the network did not confirm it. Check the account first. Send it again anyway?</source>
        <translation>« %1 » est peut-être déjà en ligne sur %2&#xa0;: le réseau ne l’a pas confirmé. Vérifiez d’abord le compte. L’envoyer quand même&#x202f;?</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Replanifier</translation>
    </message>
    <message>
        <source>When should %1 go out on %2?</source>
        <translation>Quand « %1 » doit-elle partir sur %2&#x202f;?</translation>
    </message>
    <message>
        <source>Cancel the post?</source>
        <translation>Annuler la publication&#x202f;?</translation>
    </message>
    <message>
        <source>Cancel %1 on every account where it has not gone out yet?</source>
        <translation>Annuler « %1 » sur tous les comptes où elle n’est pas encore partie&#x202f;?</translation>
    </message>
</context>
<context>
    <name>AwarenessDialog</name>
    <message>
        <source>Awareness days</source>
        <translation>Journées de sensibilisation</translation>
    </message>
    <message>
        <source>&amp;Load the list of ESS Planner</source>
        <translation>&amp;Charger la liste d’ESS Planner</translation>
    </message>
    <message>
        <source>International and French days about poverty, volunteering, disability, environment, food waste…; loading it again adds only what is new</source>
        <translation>Journées internationales et françaises sur la pauvreté, le bénévolat, le handicap, l’environnement, le gaspillage alimentaire…&#x202f;; la recharger n’ajoute que les nouveautés</translation>
    </message>
    <message>
        <source>Import a &amp;file (.ics)…</source>
        <translation>Importer un &amp;fichier (.ics)…</translation>
    </message>
    <message>
        <source>Import from an &amp;address…</source>
        <translation>Importer depuis une &amp;adresse…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Journée</translation>
    </message>
    <message>
        <source>For personas</source>
        <translation>Pour les personas</translation>
    </message>
    <message>
        <source>For objectives</source>
        <translation>Pour les objectifs</translation>
    </message>
    <message>
        <source>No awareness day in these months. Load the list of ESS Planner, or import a calendar of days (.ics).</source>
        <translation>Aucune journée de sensibilisation ces mois-ci. Chargez la liste d’ESS Planner ou importez un calendrier de journées (.ics).</translation>
    </message>
    <message>
        <source>Days of the coming</source>
        <translation>Journées des prochains</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) added</source>
        <translation>
            <numerusform>%n journée ajoutée</numerusform>
            <numerusform>%n journées ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n mise à jour</numerusform>
            <numerusform>%n mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n déjà présente</numerusform>
            <numerusform>%n déjà présentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timed event(s) left out</source>
        <translation>
            <numerusform>%n événement à heure fixe laissé de côté</numerusform>
            <numerusform>%n événements à heure fixe laissés de côté</numerusform>
        </translation>
    </message>
    <message>
        <source>Import awareness days</source>
        <translation>Importer des journées de sensibilisation</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>Fichiers iCalendar (*.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Address of an iCalendar file (https://…):</source>
        <translation>Adresse d’un fichier iCalendar (https://…)&#xa0;:</translation>
    </message>
    <message>
        <source>Write an address starting with https://.</source>
        <translation>Écrivez une adresse qui commence par https://.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Remove the awareness day “%1”</source>
        <translation>Retirer la journée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>“%1” removed (Edit › Undo puts it back).</source>
        <translation>«&#xa0;%1&#xa0;» retirée (Édition › Annuler la remet).</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Export the workspace…</source>
        <translation>&amp;Exporter l’espace de travail…</translation>
    </message>
    <message>
        <source>&amp;Import a workspace…</source>
        <translation>&amp;Importer un espace de travail…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Sauvegarde faite&#xa0;: %1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>ESS Planner backups (*.zip);;All files (*)</source>
        <translation>Sauvegardes ESS Planner (*.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>The current workspace will be replaced by this backup. It is saved first, as a safety backup you can restore in turn.</source>
        <translation>L’espace de travail actuel sera remplacé par cette sauvegarde. Il est d’abord enregistré dans une sauvegarde de sécurité, que vous pourrez restaurer à son tour.</translation>
    </message>
    <message>
        <source>Backup of %1 restored.</source>
        <translation>Sauvegarde du %1 restaurée.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restauration en cours…</translation>
    </message>
    <message>
        <source>Export the workspace</source>
        <translation>Exporter l’espace de travail</translation>
    </message>
    <message>
        <source>ESS Planner workspaces (*.zip)</source>
        <translation>Espaces de travail ESS Planner (*.zip)</translation>
    </message>
    <message>
        <source>The workspace is exported to %1. Secrets are not in it: on the other computer, connect the accounts again.</source>
        <translation>L’espace de travail est exporté dans %1. Les secrets n’y sont pas&#xa0;: sur l’autre ordinateur, reconnectez les comptes.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Import a workspace</source>
        <translation>Importer un espace de travail</translation>
    </message>
    <message>
        <source>ESS Planner workspaces (*.zip);;All files (*)</source>
        <translation>Espaces de travail ESS Planner (*.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>The accounts will be marked to reconnect: their secrets stay in the other computer&apos;s keyring.</source>
        <translation>Les comptes seront marqués « à reconnecter »&#xa0;: leurs secrets restent dans le trousseau de l’autre ordinateur.</translation>
    </message>
    <message>
        <source>This data folder already holds a workspace (%1 posts, %2 accounts). Replace it with the imported one? It is saved first, as a safety backup.</source>
        <translation>Ce dossier de données contient déjà un espace de travail (%1 publications, %2 comptes). Le remplacer par celui importé&#x202f;? Il est d’abord enregistré dans une sauvegarde de sécurité.</translation>
    </message>
    <message>
        <source>The workspace is imported. Connect its accounts again (Tools › Accounts).</source>
        <translation>L’espace de travail est importé. Reconnectez ses comptes (Outils › Comptes).</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
</context>
<context>
    <name>Banners</name>
    <message>
        <source>No posts yet. Load the example workspace to see how an association plans a month.</source>
        <translation>Aucune publication pour l’instant. Chargez l’espace d’exemple pour voir comment une association planifie un mois.</translation>
    </message>
    <message>
        <source>Load the example workspace</source>
        <translation>Charger l’espace d’exemple</translation>
    </message>
    <message>
        <source>&amp;Clear the filters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <source>&amp;Reopen them</source>
        <translation>&amp;Les rouvrir</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>Les &amp;abandonner</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n post(s) need attention</source>
        <translation>
            <numerusform>⚠ %n publication à vérifier</numerusform>
            <numerusform>⚠ %n publications à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs attention (%1)</source>
        <translation>À vérifier (%1)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>No post of this period matches the filters.</source>
        <translation>Aucune publication de cette période ne correspond aux filtres.</translation>
    </message>
    <message numerus="yes">
        <source>The search finds %n post(s) at other dates: see Search results.</source>
        <translation>
            <numerusform>La recherche trouve %n publication à d’autres dates&#xa0;: voir Résultats de la recherche.</numerusform>
            <numerusform>La recherche trouve %n publications à d’autres dates&#xa0;: voir Résultats de la recherche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) typed before ESS Planner closed unexpectedly were kept.</source>
        <translation>
            <numerusform>%n brouillon tapé avant la fermeture inattendue d’ESS Planner a été conservé.</numerusform>
            <numerusform>%n brouillons tapés avant la fermeture inattendue d’ESS Planner ont été conservés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BestPostsModel</name>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
</context>
<context>
    <name>CampaignCombo</name>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>The campaign this post belongs to (Tools › Events and campaigns)</source>
        <translation>La campagne dont fait partie cette publication (Outils › Événements et campagnes)</translation>
    </message>
    <message>
        <source>(no campaign)</source>
        <translation>(aucune campagne)</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Winter collection…</source>
        <translation>Collecte d’hiver…</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation>Cou&amp;leur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Objectif&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes&#xa0;:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export as PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>The image could not be saved to %1.</source>
        <translation>L’image n’a pas pu être enregistrée dans %1.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Reached</source>
        <translation>Atteint</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>En bonne voie</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Non atteint</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas commencé</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Sans cible</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Web visits</source>
        <translation>Visites du site</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Campaign: %1</source>
        <translation>Campagne&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>What should change, and why (type @ to name a teammate)</source>
        <translation>Ce qui doit changer, et pourquoi (tapez @ pour nommer un coéquipier)</translation>
    </message>
    <message>
        <source>A comment for the team (optional; type @ to name a teammate)</source>
        <translation>Un commentaire pour l’équipe (facultatif&#x202f;; tapez @ pour nommer un coéquipier)</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <source>publish automatically</source>
        <translation>publication automatique</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Call to action</source>
        <translation>Appel à l’action</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Images and videos</source>
        <translation>Images et vidéos</translation>
    </message>
    <message>
        <source>Text for %1</source>
        <translation>Texte pour %1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modifiée ailleurs</translation>
    </message>
    <message>
        <source>Someone else saved this post while you were editing it. Here are their version and yours; nothing is lost until you choose.</source>
        <translation>Quelqu’un d’autre a enregistré cette publication pendant que vous la modifiiez. Voici sa version et la vôtre&#x202f;; rien n’est perdu tant que vous n’avez pas choisi.</translation>
    </message>
    <message>
        <source>Someone else saved this post at %1 while you were editing it. Here are their version and yours; nothing is lost until you choose.</source>
        <translation>Quelqu’un d’autre a enregistré cette publication à %1 pendant que vous la modifiiez. Voici sa version et la vôtre&#x202f;; rien n’est perdu tant que vous n’avez pas choisi.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Sa version</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Garder la mienne</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Prendre la sienne</translation>
    </message>
    <message>
        <source>&amp;Copy mine to a new post</source>
        <translation>&amp;Copier la mienne dans une nouvelle publication</translation>
    </message>
    <message>
        <source>Keep &amp;editing</source>
        <translation>Continuer à &amp;modifier</translation>
    </message>
    <message>
        <source>Save your version over theirs.</source>
        <translation>Enregistrer votre version à la place de la sienne.</translation>
    </message>
    <message>
        <source>Show their version in the editor; your changes are dropped.</source>
        <translation>Afficher sa version dans l’éditeur&#x202f;; vos modifications sont abandonnées.</translation>
    </message>
    <message>
        <source>Leave their version as it is and make your version a new post (a draft, not scheduled).</source>
        <translation>Laisser sa version telle quelle et faire de la vôtre une nouvelle publication (un brouillon, non programmé).</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>Consent of %1</source>
        <translation>Consentement de %1</translation>
    </message>
    <message>
        <source>All &amp;social networks</source>
        <translation>Tous les &amp;réseaux sociaux</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>The association&apos;s &amp;website</source>
        <translation>Le &amp;site de l’association</translation>
    </message>
    <message>
        <source>&amp;Print (flyers, posters, newsletter)</source>
        <translation>&amp;Imprimés (tracts, affiches, bulletin)</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Sans date de fin</translation>
    </message>
    <message>
        <source>Signed by the legal &amp;guardian</source>
        <translation>Signé par le représentant &amp;légal</translation>
    </message>
    <message>
        <source>No signed form attached</source>
        <translation>Aucun formulaire signé joint</translation>
    </message>
    <message>
        <source>A&amp;ttach the signed form…</source>
        <translation>&amp;Joindre le formulaire signé…</translation>
    </message>
    <message>
        <source>Networks:</source>
        <translation>Réseaux&#xa0;:</translation>
    </message>
    <message>
        <source>Also:</source>
        <translation>Aussi&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Jusqu’au&#xa0;:</translation>
    </message>
    <message>
        <source>Signed form:</source>
        <translation>Formulaire signé&#xa0;:</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Formulaire signé</translation>
    </message>
    <message>
        <source>Scans and PDF (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans et PDF (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ConsentModel</name>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu’au</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Formulaire signé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ConsentRegister</name>
    <message>
        <source>Image rights</source>
        <translation>Droit à l’image</translation>
    </message>
    <message>
        <source>Search a name…</source>
        <translation>Chercher un nom…</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Chercher dans le registre</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;Ajouter une personne…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>What was done and when: the register keeps it as proof</source>
        <translation>Ce qui a été fait et quand&#xa0;: le registre le garde comme preuve</translation>
    </message>
    <message>
        <source>Add a &amp;consent…</source>
        <translation>Ajouter un &amp;consentement…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>&amp;Open the signed form</source>
        <translation>&amp;Ouvrir le formulaire signé</translation>
    </message>
    <message>
        <source>Consent &amp;form (PDF)…</source>
        <translation>&amp;Formulaire à signer (PDF)…</translation>
    </message>
    <message>
        <source>The form to print and sign, in French and English, filled with this person&apos;s name</source>
        <translation>Le formulaire à imprimer et signer, en français et en anglais, au nom de cette personne</translation>
    </message>
    <message>
        <source>E&amp;xport the data…</source>
        <translation>E&amp;xporter les données…</translation>
    </message>
    <message>
        <source>Everything the register holds about this person, in a JSON file (right of access)</source>
        <translation>Tout ce que le registre contient sur cette personne, dans un fichier JSON (droit d’accès)</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>E&amp;ffacer…</translation>
    </message>
    <message>
        <source>Delete this person&apos;s data (right to erasure); the record of consents stays</source>
        <translation>Supprimer les données de cette personne (droit à l’effacement)&#x202f;; la trace des consentements reste</translation>
    </message>
    <message>
        <source>No one in the register yet</source>
        <translation>Personne dans le registre pour l’instant</translation>
    </message>
    <message>
        <source>A photo of a person is personal data: record here the people who may appear in the association&apos;s photos, and their consent (where the images may be used, until when, the signed form). The editor then checks each photo before it is published.</source>
        <translation>La photo d’une personne est une donnée personnelle&#xa0;: notez ici les personnes qui peuvent apparaître sur les photos de l’association, et leur consentement (où les images peuvent être utilisées, jusqu’à quand, le formulaire signé). L’éditeur vérifie ensuite chaque photo avant sa publication.</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Ajouter une personne…</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>Personne ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Minor; legal guardian: %1</source>
        <translation>Mineur&#x202f;; représentant légal&#xa0;: %1</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>A&amp;ttach the signed form…</source>
        <translation>&amp;Joindre le formulaire signé…</translation>
    </message>
    <message>
        <source>Change “%1” in the image rights</source>
        <translation>Modifier « %1 » dans le droit à l’image</translation>
    </message>
    <message>
        <source>Export the data of %1</source>
        <translation>Exporter les données de %1</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the data</source>
        <translation>Exporter les données</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n’a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>The data of %1 is in %2.</source>
        <translation>Les données de %1 sont dans %2.</translation>
    </message>
    <message>
        <source>Erase %1?</source>
        <translation>Effacer %1&#x202f;?</translation>
    </message>
    <message>
        <source>Erase %1 from the register? Their name, contact, notes and signed forms are deleted for good; the photos that show them stay blocked. The record of consents given and withdrawn stays, without their name, as the law requires. This cannot be undone.</source>
        <translation>Effacer %1 du registre&#x202f;? Son nom, ses coordonnées, les notes et les formulaires signés sont supprimés définitivement&#x202f;; les photos qui la montrent restent bloquées. La trace des consentements donnés et retirés reste, sans son nom, comme la loi l’exige. Impossible d’annuler.</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Formulaire signé</translation>
    </message>
    <message>
        <source>Scans and PDF (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans et PDF (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>consent form %1.pdf</source>
        <translation>autorisation droit à l’image %1.pdf</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Formulaire de consentement</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Consents</name>
    <message>
        <source>All social networks</source>
        <extracomment>a consent that ends within this time is said to end soon (the board report&apos;s 60 days)</extracomment>
        <translation>Tous les réseaux sociaux</translation>
    </message>
    <message>
        <source>website</source>
        <translation>site web</translation>
    </message>
    <message>
        <source>print</source>
        <translation>imprimés</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>Retiré le %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Not valid yet</source>
        <translation>Pas encore valable</translation>
    </message>
    <message>
        <source>The guardian has not signed</source>
        <translation>Le représentant légal n’a pas signé</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Effacée</translation>
    </message>
    <message>
        <source>Consent, no end date</source>
        <translation>Consentement sans date de fin</translation>
    </message>
    <message>
        <source>Consent until %1, ends soon</source>
        <translation>Consentement jusqu’au %1, prend fin bientôt</translation>
    </message>
    <message>
        <source>Consent until %1</source>
        <translation>Consentement jusqu’au %1</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Aucun consentement</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>joint</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valable</translation>
    </message>
    <message>
        <source>Blocked: it will not be published</source>
        <translation>Bloquée&#xa0;: elle ne sera pas publiée</translation>
    </message>
    <message>
        <source>Online: delete it from here, or on the network</source>
        <translation>En ligne&#xa0;: supprimez-la d’ici, ou sur le réseau</translation>
    </message>
    <message>
        <source>Online: delete it on the network (double-click opens it)</source>
        <translation>En ligne&#xa0;: supprimez-la sur le réseau (double-clic pour l’ouvrir)</translation>
    </message>
    <message>
        <source>Online: delete it on the network</source>
        <translation>En ligne&#xa0;: supprimez-la sur le réseau</translation>
    </message>
    <message>
        <source>Added to the register</source>
        <translation>Ajoutée au registre</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Coordonnées modifiées</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consentement enregistré</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consentement retiré</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Données exportées</translation>
    </message>
    <message>
        <source>Data erased</source>
        <translation>Données effacées</translation>
    </message>
    <message>
        <source>Post deleted</source>
        <translation>Publication supprimée</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Total</source>
        <extracomment>the role of a gap row holding its :class:`Gap` (None for a channel misfit)</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Audience segment</source>
        <translation>Segment de public</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Nothing planned this week.</source>
        <translation>Rien de prévu cette semaine.</translation>
    </message>
    <message>
        <source>Nothing planned: part of a gap.</source>
        <translation>Rien de prévu&#xa0;: fait partie d’un trou.</translation>
    </message>
</context>
<context>
    <name>CoverageWindow</name>
    <message>
        <source>Coverage by persona and objective</source>
        <translation>Couverture par persona et par objectif</translation>
    </message>
    <message>
        <source>Each cell: posts planned that week (published ones in brackets when not all are). Red: a gap.</source>
        <translation>Chaque case&#xa0;: les publications prévues cette semaine-là (entre parenthèses celles publiées, quand toutes ne le sont pas). En rouge&#xa0;: un trou.</translation>
    </message>
    <message>
        <source>Gaps and channel fit</source>
        <translation>Manques et adéquation des canaux</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>&amp;Previous month</source>
        <translation>Mois &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;This month</source>
        <translation>&amp;Ce mois-ci</translation>
    </message>
    <message>
        <source>&amp;Next month</source>
        <translation>Mois &amp;suivant</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semaines</translation>
    </message>
    <message>
        <source>How many weeks without a post make a gap</source>
        <translation>Combien de semaines sans publication font un trou</translation>
    </message>
    <message>
        <source>A gap from </source>
        <translation>Un trou à partir de </translation>
    </message>
    <message>
        <source>Coverage — %1</source>
        <translation>Couverture — %1</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Delete the entry %1</source>
        <translation>Supprimer la saisie %1</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Saisir %1</translation>
    </message>
    <message>
        <source>Dashboard — objectives and KPIs</source>
        <translation>Tableau de bord — objectifs et indicateurs</translation>
    </message>
    <message>
        <source>&amp;Delete the entry</source>
        <translation>&amp;Supprimer la saisie</translation>
    </message>
    <message>
        <source>&amp;Record an outcome…</source>
        <translation>&amp;Saisir un résultat…</translation>
    </message>
    <message>
        <source>KPIs against their targets</source>
        <translation>Indicateurs face à leurs cibles</translation>
    </message>
    <message>
        <source>Best posts</source>
        <translation>Meilleures publications</translation>
    </message>
    <message>
        <source>Outcome entries of the period</source>
        <translation>Résultats saisis sur la période</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Export as PNG…</source>
        <translation>&amp;Exporter en PNG…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Période&#xa0;:</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>Tableau de bord — %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) published</source>
        <translation>
            <numerusform>%Ln publication publiée</numerusform>
            <numerusform>%Ln publications publiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln web visit(s) from the posts&apos; links</source>
        <translation>
            <numerusform>%Ln visite du site depuis les liens des publications</numerusform>
            <numerusform>%Ln visites du site depuis les liens des publications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 KPI(s) reached</source>
        <translation>
            <numerusform>%n indicateur atteint sur %1</numerusform>
            <numerusform>%n indicateurs atteints sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No measurement in this period yet — record an outcome or import visits.</source>
        <translation>Aucune mesure sur cette période pour l’instant — saisissez un résultat ou importez des visites.</translation>
    </message>
    <message>
        <source>No KPI with a target yet — give your objectives a KPI and its target to follow them here.</source>
        <translation>Aucun indicateur avec une cible pour l’instant — donnez à vos objectifs un indicateur et sa cible pour les suivre ici.</translation>
    </message>
    <message>
        <source>Share of each target reached</source>
        <translation>Part de chaque cible atteinte</translation>
    </message>
    <message>
        <source>Progress over the last six months</source>
        <translation>Progression sur les six derniers mois</translation>
    </message>
    <message>
        <source>No interactions measured in this period yet — they are read from the networks once posts are published.</source>
        <translation>Aucune interaction mesurée sur cette période pour l’instant — elles sont lues sur les réseaux une fois les publications parues.</translation>
    </message>
    <message>
        <source>Reach per persona (interactions)</source>
        <translation>Portée par persona (interactions)</translation>
    </message>
    <message>
        <source>No persona yet — describe the people your posts speak to (Tools › Personas).</source>
        <translation>Aucun persona pour l’instant — décrivez les personnes à qui vos publications s’adressent (Outils › Personas).</translation>
    </message>
    <message>
        <source>Reach per platform</source>
        <translation>Portée par réseau</translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>Résultat enregistré.</translation>
    </message>
    <message>
        <source>Entry deleted (Ctrl+Z to undo).</source>
        <translation>Saisie supprimée (Ctrl+Z pour annuler).</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>Exporter le tableau de bord</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>The image could not be saved to %1.</source>
        <translation>L’image n’a pas pu être enregistrée dans %1.</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Go to date</source>
        <translation>Aller à la date</translation>
    </message>
</context>
<context>
    <name>DateTimeDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Heure&#xa0;:</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Fuseau horaire&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discussion</name>
    <message>
        <source>created the post</source>
        <extracomment>the review&apos;s own steps, the latest of which the bar describes</extracomment>
        <translation>a créé la publication</translation>
    </message>
    <message>
        <source>edited it</source>
        <translation>l’a modifiée</translation>
    </message>
    <message>
        <source>moved it</source>
        <translation>l’a déplacée</translation>
    </message>
    <message>
        <source>submitted it for review</source>
        <translation>l’a soumise à relecture</translation>
    </message>
    <message>
        <source>approved it</source>
        <translation>l’a approuvée</translation>
    </message>
    <message>
        <source>asked for changes</source>
        <translation>a demandé des modifications</translation>
    </message>
    <message>
        <source>scheduled it</source>
        <translation>l’a planifiée</translation>
    </message>
    <message>
        <source>unscheduled it</source>
        <translation>l’a déplanifiée</translation>
    </message>
    <message>
        <source>edited it after its approval: back to review</source>
        <translation>l’a modifiée après approbation&#xa0;: retour en relecture</translation>
    </message>
    <message>
        <source>published it</source>
        <translation>l’a publiée</translation>
    </message>
    <message>
        <source>cancelled it</source>
        <translation>l’a annulée</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>a commenté</translation>
    </message>
    <message>
        <source>Changed since %1 approved it:</source>
        <translation>Modifié depuis l’approbation de %1&#xa0;:</translation>
    </message>
    <message>
        <source>Changed since it was approved:</source>
        <translation>Modifié depuis l’approbation&#xa0;:</translation>
    </message>
    <message>
        <source>The post needs approval</source>
        <translation>La publication doit être approuvée</translation>
    </message>
    <message>
        <source>The team&apos;s rule: a post goes out only once an approver has approved it. This one is at the stage “%1”.</source>
        <translation>Règle de l’équipe&#xa0;: une publication ne part qu’une fois approuvée par un approbateur. Celle-ci est à l’étape « %1 ».</translation>
    </message>
    <message>
        <source>Schedule it anyway? It waits for the approval, and goes out at its time only if it is approved by then.</source>
        <translation>La planifier quand même&#x202f;? Elle attend l’approbation, et ne part à son heure que si elle est approuvée d’ici là.</translation>
    </message>
    <message>
        <source>&amp;Schedule, waiting for approval</source>
        <translation>&amp;Planifier, en attente d’approbation</translation>
    </message>
</context>
<context>
    <name>DiscussionPanel</name>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>No comment yet.</source>
        <translation>Aucun commentaire pour l’instant.</translation>
    </message>
    <message>
        <source>Write a comment; @ names a teammate</source>
        <translation>Écrivez un commentaire&#x202f;; @ nomme un coéquipier</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Co&amp;mmenter</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>DraftListModel</name>
    <message>
        <source>(no name yet)</source>
        <translation>(pas encore de nom)</translation>
    </message>
</context>
<context>
    <name>EditorCheck</name>
    <message>
        <source>Write a title or a text.</source>
        <extracomment>per account, what was chosen for it (the TikTok panel&apos;s privacy, interactions...) the Repeat section&apos;s rule (an RRULE; empty: does not repeat), kept by the autosave</extracomment>
        <translation>Écrivez un titre ou un texte.</translation>
    </message>
    <message>
        <source>Image %1 (%2) needs an alternative text: describe it for people who cannot see it.</source>
        <translation>L’image %1 (%2) a besoin d’un texte alternatif&#xa0;: décrivez-la pour les personnes qui ne peuvent pas la voir.</translation>
    </message>
    <message>
        <source>Choose at least one account to publish on.</source>
        <translation>Choisissez au moins un compte où publier.</translation>
    </message>
    <message>
        <source>%1 is not on %2 (networks: %3): this account will not reach this persona.</source>
        <translation>%1 n’est pas sur %2 (réseaux&#xa0;: %3)&#xa0;: ce compte ne touchera pas ce persona.</translation>
    </message>
    <message>
        <source>Choose a date and time to publish.</source>
        <translation>Choisissez une date et une heure de publication.</translation>
    </message>
    <message>
        <source>This time has already passed: choose a time in the future to publish.</source>
        <translation>Cette heure est déjà passée&#xa0;: choisissez une heure à venir pour publier.</translation>
    </message>
    <message>
        <source>This date is more than two years ahead: check the year.</source>
        <translation>Cette date est à plus de deux ans&#xa0;: vérifiez l’année.</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>The post is online: edits here would not reach the network</source>
        <translation>La publication est en ligne&#xa0;: une modification ici n’atteindrait pas le réseau</translation>
    </message>
    <message>
        <source>For the team: what is this post?</source>
        <translation>Pour l’équipe&#xa0;: de quoi parle cette publication&#x202f;?</translation>
    </message>
    <message>
        <source>The text of the post…</source>
        <translation>Le texte de la publication…</translation>
    </message>
    <message>
        <source>Call to action</source>
        <translation>Appel à l’action</translation>
    </message>
    <message>
        <source>#ESS #Solidarity</source>
        <translation>#ESS #Solidarité</translation>
    </message>
    <message>
        <source>Hashtag sets</source>
        <translation>Listes de hashtags</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it (required)</source>
        <translation>Décrivez l’image pour les personnes qui ne peuvent pas la voir (obligatoire)</translation>
    </message>
    <message>
        <source>Add &amp;images…</source>
        <translation>Ajouter des &amp;images…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Cover…</source>
        <translation>Couverture…</translation>
    </message>
    <message>
        <source>Choose an image as the video&apos;s cover, for the networks that show one</source>
        <translation>Choisir une image comme couverture de la vidéo, pour les réseaux qui en montrent une</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Placer avant</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Placer après</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Choose accounts to adapt the text for each one.</source>
        <translation>Choisissez des comptes pour adapter le texte à chacun.</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>&amp;Publish automatically at this date and time</source>
        <translation>&amp;Publier automatiquement à cette date et à cette heure</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>Aucun problème.</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Add to the &amp;queue</source>
        <translation>Ajouter à la &amp;file</translation>
    </message>
    <message>
        <source>Save and schedule at the next posting slot free on every chosen account (a post goes out at one time on all its accounts: the earliest slot of one of them that none of them has taken).</source>
        <translation>Enregistrer et programmer au prochain créneau libre sur chaque compte choisi (une publication part à la même heure sur tous ses comptes&#xa0;: le premier créneau de l’un d’eux qu’aucun n’a déjà pris).</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Lien&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Hashtags:</source>
        <translation>&amp;Hashtags&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Images&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Accounts:</source>
        <translation>&amp;Comptes&#xa0;:</translation>
    </message>
    <message>
        <source>Per account:</source>
        <translation>Par compte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand&#xa0;:</translation>
    </message>
    <message>
        <source>St&amp;age:</source>
        <translation>Éta&amp;pe&#xa0;:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;ngue&#xa0;:</translation>
    </message>
    <message>
        <source>Before publishing</source>
        <translation>Avant de publier</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Leave empty to publish the main text on this account.</source>
        <translation>Laissez vide pour publier le texte principal sur ce compte.</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>General assembly, open day, collection…</source>
        <translation>Assemblée générale, portes ouvertes, collecte…</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Toute la journée</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Début&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Fin&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Objectif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Campagne&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes&#xa0;:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>EvergreenDialog</name>
    <message>
        <source>Evergreen posts</source>
        <translation>Publications réutilisables</translation>
    </message>
    <message>
        <source>Posts marked “Evergreen” in the editor. Reusing one makes a new post with the same content on new targets; the original is never changed.</source>
        <translation>Les publications marquées « Réutilisable » dans l’éditeur. En réutiliser une crée une nouvelle publication au même contenu, sur de nouvelles cibles&#x202f;; l’originale n’est jamais modifiée.</translation>
    </message>
    <message>
        <source>No evergreen post yet: tick “Evergreen” in a post&apos;s editor.</source>
        <translation>Pas encore de publication réutilisable&#xa0;: cochez « Réutilisable » dans l’éditeur d’une publication.</translation>
    </message>
    <message>
        <source>&amp;Schedule the new post (else a draft)</source>
        <translation>&amp;Programmer la nouvelle publication (sinon un brouillon)</translation>
    </message>
    <message>
        <source>&amp;Reuse…</source>
        <translation>&amp;Réutiliser…</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Réutiliser</translation>
    </message>
    <message>
        <source>When should the new post go out?</source>
        <translation>Quand la nouvelle publication doit-elle partir&#x202f;?</translation>
    </message>
</context>
<context>
    <name>EvergreenModel</name>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Times reused</source>
        <translation>Réutilisations</translation>
    </message>
    <message>
        <source>Available again</source>
        <translation>De nouveau disponible</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>never (maximum reached)</source>
        <translation>jamais (maximum atteint)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>dès maintenant</translation>
    </message>
</context>
<context>
    <name>EvergreenRow</name>
    <message>
        <source>E&amp;vergreen: can be reused to fill gaps</source>
        <translation>Ré&amp;utilisable&#xa0;: peut resservir pour combler les trous</translation>
    </message>
    <message>
        <source>Reusable posts are listed in Tools › Evergreen posts and proposed where the coverage has gaps.</source>
        <translation>Les publications réutilisables sont listées dans Outils › Publications réutilisables et proposées là où la couverture a des trous.</translation>
    </message>
    <message>
        <source> days between uses</source>
        <translation> jours entre deux utilisations</translation>
    </message>
    <message>
        <source>Days between two uses</source>
        <translation>Jours entre deux utilisations</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>au plus </translation>
    </message>
    <message>
        <source>Maximum number of reuses</source>
        <translation>Nombre maximal de réutilisations</translation>
    </message>
    <message>
        <source>reuses</source>
        <translation>réutilisations</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Enregistrer comme modèle</translation>
    </message>
    <message>
        <source>Name of the template (it appears in File › New post from template):</source>
        <translation>Nom du modèle (il apparaît dans Fichier › Nouvelle publication depuis un modèle)&#xa0;:</translation>
    </message>
    <message>
        <source>Saved as the template “%1”.</source>
        <translation>Enregistrée comme modèle « %1 ».</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Import posts from a CSV file…</source>
        <translation>&amp;Importer des publications depuis un fichier CSV…</translation>
    </message>
    <message>
        <source>Export posts to CSV (spreadsheet)…</source>
        <translation>Exporter les publications en CSV (tableur)…</translation>
    </message>
    <message>
        <source>Export the calendar to iCalendar…</source>
        <translation>Exporter le calendrier au format iCalendar…</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>Importer des publications</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) imported as drafts. Open them to check and schedule them.</source>
        <translation>
            <numerusform>%n publication importée en brouillon. Ouvrez-la pour la vérifier et la planifier.</numerusform>
            <numerusform>%n publications importées en brouillon. Ouvrez-les pour les vérifier et les planifier.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export posts</source>
        <translation>Exporter les publications</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n’a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) exported.</source>
        <translation>
            <numerusform>%n publication exportée.</numerusform>
            <numerusform>%n publications exportées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Search titles and texts</source>
        <translation>Chercher dans les titres et les textes</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Calendar</source>
        <extracomment>campaigns, events and awareness days shown or hidden (not a post filter)</extracomment>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Getting started with ESS Planner</source>
        <translation>Bien démarrer avec ESS Planner</translation>
    </message>
    <message>
        <source>Load the &amp;example workspace</source>
        <translation>Charger l’espace d’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Skip this step</source>
        <translation>&amp;Passer cette étape</translation>
    </message>
    <message>
        <source>An association&apos;s month of posts, personas and objectives, on test accounts: to look around before setting up your own.</source>
        <translation>Le mois de publications d’une association, ses personas et ses objectifs, sur des comptes d’essai&#xa0;: pour faire le tour avant de préparer le vôtre.</translation>
    </message>
    <message>
        <source>Finish creates:</source>
        <translation>Terminer crée&#xa0;:</translation>
    </message>
    <message>
        <source>• personas: %1</source>
        <translation>• personas&#xa0;: %1</translation>
    </message>
    <message>
        <source>• objectives: %1</source>
        <translation>• objectifs&#xa0;: %1</translation>
    </message>
    <message>
        <source>• a test account: %1</source>
        <translation>• un compte d’essai&#xa0;: %1</translation>
    </message>
    <message>
        <source>Finish creates nothing: the steps were skipped or left empty.</source>
        <translation>Terminer ne crée rien&#xa0;: les étapes ont été passées ou laissées vides.</translation>
    </message>
    <message>
        <source>Already connected: %1</source>
        <translation>Déjà connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Les réglages n’ont pas pu être enregistrés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Some things were not created:
%1</source>
        <translation>Certains éléments n’ont pas été créés&#xa0;:
%1</translation>
    </message>
</context>
<context>
    <name>GapFillPanel</name>
    <message>
        <source>Ways to fill the gap</source>
        <translation>De quoi combler le trou</translation>
    </message>
    <message>
        <source>&amp;Create the post</source>
        <translation>&amp;Créer la publication</translation>
    </message>
    <message>
        <source>Select a gap to see what could fill it.</source>
        <translation>Choisissez un trou pour voir ce qui pourrait le combler.</translation>
    </message>
    <message>
        <source>This gap is over.</source>
        <translation>Ce trou est passé.</translation>
    </message>
    <message>
        <source>To fill it: evergreen posts available then, and templates.</source>
        <translation>Pour le combler&#xa0;: les publications réutilisables disponibles à ce moment-là, et des modèles.</translation>
    </message>
    <message>
        <source>No evergreen post nor template fits this gap.</source>
        <translation>Aucune publication réutilisable ni aucun modèle ne convient à ce trou.</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Handover checklist</source>
        <translation>Liste de passation</translation>
    </message>
    <message>
        <source>The register names nobody yet: fill in the accounts&apos; handover first.</source>
        <translation>Le registre ne nomme encore personne&#xa0;: remplissez d’abord la passation des comptes.</translation>
    </message>
    <message>
        <source>Who is leaving?</source>
        <translation>Qui part&#x202f;?</translation>
    </message>
    <message>
        <source>Save the handover checklist</source>
        <translation>Enregistrer la liste de passation</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Handover: %1</source>
        <translation>Passation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>The association&apos;s own login</source>
        <translation>La connexion de l’association</translation>
    </message>
    <message>
        <source>A person&apos;s private login (risk)</source>
        <translation>La connexion personnelle d’une personne (risque)</translation>
    </message>
    <message>
        <source>the person who holds the login</source>
        <translation>la personne qui détient la connexion</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>noms, séparés par des virgules</translation>
    </message>
    <message>
        <source>e.g. the office safe, the association&apos;s password manager</source>
        <translation>ex. le coffre du bureau, le gestionnaire de mots de passe de l’association</translation>
    </message>
    <message>
        <source>Where the two-factor recovery codes are kept: a place, never the codes.</source>
        <translation>Où sont conservés les codes de secours de la double authentification&#xa0;: un lieu, jamais les codes.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>no known end</source>
        <translation>pas de fin connue</translation>
    </message>
    <message>
        <source>Risk: if this person leaves, the association loses the account. Move it to the association&apos;s own login and name a backup administrator.</source>
        <translation>Risque&#xa0;: si cette personne part, l’association perd le compte. Passez-le sur la connexion de l’association et nommez un administrateur de secours.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Connected &amp;by</source>
        <translation>Connecté &amp;par</translation>
    </message>
    <message>
        <source>Connected on</source>
        <translation>Connecté le</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;Whose login</source>
        <translation>&amp;Titulaire de la connexion</translation>
    </message>
    <message>
        <source>&amp;Backup administrators</source>
        <translation>&amp;Administrateurs de secours</translation>
    </message>
    <message>
        <source>&amp;Recovery codes kept at</source>
        <translation>Codes de &amp;secours conservés</translation>
    </message>
    <message>
        <source>Login ends</source>
        <translation>Fin de la connexion</translation>
    </message>
</context>
<context>
    <name>HashtagSets</name>
    <message>
        <source>No hashtag set yet</source>
        <translation>Aucune liste de hashtags pour l’instant</translation>
    </message>
    <message>
        <source>Save these hashtags as a set…</source>
        <translation>Enregistrer ces hashtags comme liste…</translation>
    </message>
    <message>
        <source>Delete a set</source>
        <translation>Supprimer une liste</translation>
    </message>
    <message>
        <source>Hashtag set</source>
        <translation>Liste de hashtags</translation>
    </message>
    <message>
        <source>Name of the set:</source>
        <translation>Nom de la liste&#xa0;:</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>ESS Planner</source>
        <translation>ESS Planner</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>IdentityFields</name>
    <message>
        <source>e.g. Marie Dupont</source>
        <translation>p. ex. Marie Dupont</translation>
    </message>
    <message>
        <source>e.g. marie@energie-solidaire.org</source>
        <translation>p. ex. marie@energie-solidaire.org</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Votre no&amp;m&#xa0;:</translation>
    </message>
    <message>
        <source>Your &amp;e-mail:</source>
        <translation>Votre &amp;e-mail&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>Add images</source>
        <translation>Ajouter des images</translation>
    </message>
    <message>
        <source>Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.m4v *.webm);;Images (*.jpg *.jpeg *.png *.gif *.webp);;Videos (*.mp4 *.mov *.m4v *.webm)</source>
        <translation>Images et vidéos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.m4v *.webm);;Images (*.jpg *.jpeg *.png *.gif *.webp);;Vidéos (*.mp4 *.mov *.m4v *.webm)</translation>
    </message>
    <message>
        <source>Cover of the video</source>
        <translation>Couverture de la vidéo</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The cover of a video must be an image.</source>
        <translation>La couverture d’une vidéo doit être une image.</translation>
    </message>
    <message>
        <source>Describe the video, for the networks that show a description (Mastodon, Bluesky)</source>
        <translation>Décrivez la vidéo, pour les réseaux qui affichent une description (Mastodon, Bluesky)</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it (required)</source>
        <translation>Décrivez l’image pour les personnes qui ne peuvent pas la voir (obligatoire)</translation>
    </message>
</context>
<context>
    <name>ImpactModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
</context>
<context>
    <name>ImpactView</name>
    <message>
        <source>&amp;Delete from the network…</source>
        <translation>&amp;Supprimer du réseau…</translation>
    </message>
    <message>
        <source>For the networks that let ESS Planner delete a post (Mastodon); on the others, open the post and delete it there</source>
        <translation>Pour les réseaux qui laissent ESS Planner supprimer une publication (Mastodon)&#x202f;; sur les autres, ouvrez la publication et supprimez-la là-bas</translation>
    </message>
    <message>
        <source>No post shows this person.</source>
        <translation>Aucune publication ne montre cette personne.</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled post(s) blocked.</source>
        <translation>
            <numerusform>%n publication programmée bloquée.</numerusform>
            <numerusform>%n publications programmées bloquées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n published post(s) show this person: delete them on each network.</source>
        <translation>
            <numerusform>%n publication en ligne montre cette personne&#xa0;: supprimez-la sur son réseau.</numerusform>
            <numerusform>%n publications en ligne montrent cette personne&#xa0;: supprimez-les sur chaque réseau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled post(s) will be blocked.</source>
        <translation>
            <numerusform>%n publication programmée sera bloquée.</numerusform>
            <numerusform>%n publications programmées seront bloquées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n published post(s) show this person.</source>
        <translation>
            <numerusform>%n publication en ligne montre cette personne.</numerusform>
            <numerusform>%n publications en ligne montrent cette personne.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiTableModel</name>
    <message>
        <source>New indicator</source>
        <translation>Nouvel indicateur</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>By now, %1 would be on pace for the target.</source>
        <translation>À ce stade, %1 suffirait pour tenir le rythme vers la cible.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
</context>
<context>
    <name>KpiTools</name>
    <message>
        <source>&amp;Dashboard of objectives and KPIs</source>
        <translation>&amp;Tableau de bord des objectifs et indicateurs</translation>
    </message>
    <message>
        <source>&amp;Coverage by persona and objective</source>
        <translation>&amp;Couverture par persona et par objectif</translation>
    </message>
    <message>
        <source>Record an &amp;outcome…</source>
        <translation>Saisir un &amp;résultat…</translation>
    </message>
    <message>
        <source>Import web &amp;visits (CSV)…</source>
        <translation>Importer les &amp;visites du site (CSV)…</translation>
    </message>
    <message>
        <source>Board &amp;report (PDF or CSV)…</source>
        <translation>&amp;Rapport pour le conseil (PDF ou CSV)…</translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>Résultat enregistré.</translation>
    </message>
    <message>
        <source>Import web visits</source>
        <translation>Importer les visites du site</translation>
    </message>
    <message>
        <source>CSV exports (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Exports CSV (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <source>%1 visits imported (%2 new lines, %3 updated).</source>
        <translation>%1 visites importées (%2 nouvelles lignes, %3 mises à jour).</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Non planifiée</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifiée</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>planifiée</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publiée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>non confirmée</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>manquée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>waiting: the account must be reconnected</source>
        <translation>en attente&#xa0;: le compte doit être reconnecté</translation>
    </message>
    <message>
        <source>waiting: the account is disabled</source>
        <translation>en attente&#xa0;: le compte est désactivé</translation>
    </message>
    <message>
        <source>waiting: the account needs credits</source>
        <translation>en attente&#xa0;: le compte a besoin de crédits</translation>
    </message>
    <message>
        <source>waiting: ESS Planner needs an update</source>
        <translation>en attente&#xa0;: ESS Planner doit être mis à jour</translation>
    </message>
    <message>
        <source>waiting: the developer app needs more access</source>
        <translation>en attente&#xa0;: l’application développeur a besoin d’un accès supérieur</translation>
    </message>
    <message>
        <source>waiting: the network refused it for now</source>
        <translation>en attente&#xa0;: le réseau l’a refusée pour l’instant</translation>
    </message>
    <message>
        <source>login ends soon</source>
        <translation>la connexion prend fin bientôt</translation>
    </message>
    <message>
        <source>risk: in a private login</source>
        <translation>risque&#xa0;: dans une connexion personnelle</translation>
    </message>
    <message>
        <source>waiting: not approved yet</source>
        <translation>en attente&#xa0;: pas encore approuvée</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>Reconnecter…</translation>
    </message>
    <message>
        <source>Enable the account</source>
        <translation>Activer le compte</translation>
    </message>
    <message>
        <source>I added credits: try again</source>
        <translation>J’ai ajouté des crédits&#xa0;: réessayer</translation>
    </message>
    <message>
        <source>I updated: try again</source>
        <translation>J’ai mis à jour&#xa0;: réessayer</translation>
    </message>
    <message>
        <source>Access granted: try again</source>
        <translation>Accès accordé&#xa0;: réessayer</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Handover…</source>
        <translation>Passation…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Mark as published…</source>
        <translation>Marquer comme publiée…</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Relire…</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Validée</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>Donateurs</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Bénéficiaires</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>General public</source>
        <translation>Grand public</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>Dons</translation>
    </message>
    <message>
        <source>Volunteer recruitment</source>
        <translation>Recrutement de bénévoles</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Sensibilisation</translation>
    </message>
    <message>
        <source>Products and services</source>
        <translation>Produits et services</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>par semaine</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>par mois</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>par trimestre</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>par an</translation>
    </message>
    <message>
        <source>per campaign</source>
        <translation>par campagne</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>j’aime</translation>
    </message>
    <message>
        <source>reposts</source>
        <translation>republications</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>réponses</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>citations</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>partages</translation>
    </message>
    <message>
        <source>views</source>
        <translation>vues</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>commentaires</translation>
    </message>
    <message>
        <source>reactions</source>
        <translation>réactions</translation>
    </message>
    <message>
        <source>clicks</source>
        <translation>clics</translation>
    </message>
    <message>
        <source>Test account (nothing is sent)</source>
        <extracomment>platform ids the editor and filters know by name (plugins may add others)</extracomment>
        <translation>Compte de test (rien n’est envoyé)</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>Faire un don</translation>
    </message>
    <message>
        <source>Volunteer with us</source>
        <translation>Devenir bénévole</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>S’inscrire</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>En savoir plus</translation>
    </message>
    <message>
        <source>Join us</source>
        <translation>Nous rejoindre</translation>
    </message>
    <message>
        <source>Sign the petition</source>
        <translation>Signer la pétition</translation>
    </message>
    <message>
        <source>Book your place</source>
        <translation>Réserver sa place</translation>
    </message>
    <message>
        <source>Contact us</source>
        <translation>Nous contacter</translation>
    </message>
</context>
<context>
    <name>LanguageCombo</name>
    <message>
        <source>The system&apos;s language</source>
        <translation>La langue du système</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Filters</source>
        <extracomment>how often the calendar re-reads the database for changes made by other programs how often the window asks whether another program wrote to the database (cheap) where the window keeps its size, position, docks and view (in the config folder) the window read the database again (View › Refresh, another program&apos;s writes) an account&apos;s handover register entry to edit (the accounts feature answers) the change listener reconnected (emitted from its thread): re-read everything</extracomment>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File de publication</translation>
    </message>
    <message>
        <source>Reorder the queue</source>
        <translation>Réordonner la file</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Déplacer vers…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>ESS Planner</source>
        <extracomment>functions adding actions to a post&apos;s context menu: ``hook(menu, post_id)`` closed (closeEvent accepted): what was queued to read later reads nothing</extracomment>
        <translation>ESS Planner</translation>
    </message>
    <message>
        <source>Move the post</source>
        <translation>Déplacer la publication</translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <translation>Semaine &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation>Semaine &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous month</source>
        <translation>Mois &amp;précédent</translation>
    </message>
    <message>
        <source>&amp;Next month</source>
        <translation>Mois &amp;suivant</translation>
    </message>
    <message>
        <source>Still opening the workspace; try again in a moment.</source>
        <translation>L’espace de travail est encore en cours d’ouverture&#x202f;; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Example workspace</source>
        <translation>Espace d’exemple</translation>
    </message>
    <message>
        <source>About ESS Planner</source>
        <translation>À propos d’ESS Planner</translation>
    </message>
    <message>
        <source>&lt;b&gt;ESS Planner&lt;/b&gt; %1&lt;br&gt;Plan, tag by persona and objective, and publish the posts of associations, cooperatives and foundations.</source>
        <translation>&lt;b&gt;ESS Planner&lt;/b&gt; %1&lt;br&gt;Planifier, classer par persona et par objectif, et publier les messages des associations, coopératives et fondations.</translation>
    </message>
    <message>
        <source>&amp;New post…</source>
        <translation>&amp;Nouvelle publication…</translation>
    </message>
    <message>
        <source>New post from &amp;template…</source>
        <translation>Nouvelle publication depuis un &amp;modèle…</translation>
    </message>
    <message>
        <source>&amp;Evergreen posts…</source>
        <translation>Publications &amp;réutilisables…</translation>
    </message>
    <message>
        <source>Load the &amp;example workspace</source>
        <translation>Charger l’espace d’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Open post</source>
        <translation>&amp;Ouvrir la publication</translation>
    </message>
    <message>
        <source>&amp;Delete post</source>
        <translation>&amp;Supprimer la publication</translation>
    </message>
    <message>
        <source>Move one day &amp;later</source>
        <translation>Déplacer d’un jour plus &amp;tard</translation>
    </message>
    <message>
        <source>Move one day &amp;earlier</source>
        <translation>Déplacer d’un jour plus &amp;tôt</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Au&amp;jourd’hui</translation>
    </message>
    <message>
        <source>&amp;Go to date…</source>
        <translation>&amp;Aller à la date…</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Chercher…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>Colour by &amp;objective</source>
        <translation>Couleur par &amp;objectif</translation>
    </message>
    <message>
        <source>Colour by &amp;network</source>
        <translation>Couleur par &amp;réseau</translation>
    </message>
    <message>
        <source>&amp;Personas…</source>
        <translation>&amp;Personas…</translation>
    </message>
    <message>
        <source>&amp;Objectives and KPIs…</source>
        <translation>&amp;Objectifs et indicateurs…</translation>
    </message>
    <message>
        <source>Prepare the posts of an &amp;event…</source>
        <translation>Préparer les publications d’un &amp;événement…</translation>
    </message>
    <message>
        <source>E&amp;vents and campaigns…</source>
        <translation>É&amp;vénements et campagnes…</translation>
    </message>
    <message>
        <source>A&amp;wareness days…</source>
        <translation>&amp;Journées de sensibilisation…</translation>
    </message>
    <message>
        <source>&amp;Image rights…</source>
        <translation>&amp;Droit à l’image…</translation>
    </message>
    <message>
        <source>Needs &amp;attention</source>
        <translation>À &amp;vérifier</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <source>&amp;About ESS Planner</source>
        <translation>À &amp;propos d’ESS Planner</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Colour by objective</source>
        <translation>Couleur par objectif</translation>
    </message>
    <message>
        <source>Colour by network</source>
        <translation>Couleur par réseau</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Comptes…</translation>
    </message>
    <message>
        <source>&amp;Start again…</source>
        <translation>&amp;Recommencer l’accueil…</translation>
    </message>
    <message>
        <source>The first-run assistant: association, personas, objectives, a first account</source>
        <translation>L’assistant de démarrage&#xa0;: association, personas, objectifs, un premier compte</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
</context>
<context>
    <name>ManifestDialog</name>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Safety backup</source>
        <translation>Sauvegarde de sécurité</translation>
    </message>
    <message>
        <source>Exported workspace</source>
        <translation>Espace de travail exporté</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 du %2</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n publication</numerusform>
            <numerusform>%n publications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objective(s)</source>
        <translation>
            <numerusform>%n objectif</numerusform>
            <numerusform>%n objectifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n compte</numerusform>
            <numerusform>%n comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n media file(s)</source>
        <translation>
            <numerusform>%n fichier média</numerusform>
            <numerusform>%n fichiers médias</numerusform>
        </translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Contenu&#xa0;:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version&#xa0;:</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>No post planned after %1.</source>
        <translation>Aucune publication prévue après le %1.</translation>
    </message>
    <message>
        <source>Next posts:</source>
        <translation>Prochaines publications&#xa0;:</translation>
    </message>
</context>
<context>
    <name>MarksToggles</name>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Awareness days</source>
        <translation>Journées de sensibilisation</translation>
    </message>
</context>
<context>
    <name>MediaListModel</name>
    <message>
        <source>cover chosen</source>
        <translation>couverture choisie</translation>
    </message>
    <message>
        <source>%1 — no alternative text yet</source>
        <translation>%1 — pas encore de texte alternatif</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%1: %n post(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n publication</numerusform>
            <numerusform>%1&#xa0;: %n publications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObjectivesDialog</name>
    <message>
        <source>Objectives and KPIs</source>
        <translation>Objectifs et indicateurs</translation>
    </message>
    <message>
        <source>&amp;New objective</source>
        <translation>&amp;Nouvel objectif</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Add an &amp;indicator</source>
        <translation>Ajouter un &amp;indicateur</translation>
    </message>
    <message>
        <source>&amp;Remove the indicator</source>
        <translation>&amp;Retirer l’indicateur</translation>
    </message>
    <message>
        <source>&amp;Save the objective</source>
        <translation>&amp;Enregistrer l’objectif</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>KPIs:</source>
        <translation>Indicateurs&#xa0;:</translation>
    </message>
    <message>
        <source>No objectives yet</source>
        <translation>Aucun objectif pour l’instant</translation>
    </message>
    <message>
        <source>An objective says what your posts are for beyond being present: donations, volunteers recruited, people made aware of your cause, requests for help received… Give each one a measurable indicator with a target (for example 5 volunteers a month); tag posts with it and follow its progress in the dashboard.</source>
        <translation>Un objectif dit à quoi servent vos publications, au-delà de la simple présence&#xa0;: dons, bénévoles recrutés, personnes sensibilisées à votre cause, demandes d’aide reçues… Donnez à chacun un indicateur mesurable avec une cible (par exemple 5 bénévoles par mois)&#x202f;; associez-le aux publications et suivez sa progression dans le tableau de bord.</translation>
    </message>
    <message>
        <source>Add an objective</source>
        <translation>Ajouter un objectif</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Delete the objective?</source>
        <translation>Supprimer l’objectif&#x202f;?</translation>
    </message>
    <message>
        <source>Delete %1 and its indicators? Posts are no longer tagged with it.</source>
        <translation>Supprimer « %1 » et ses indicateurs&#x202f;? Les publications ne seront plus rattachées à cet objectif.</translation>
    </message>
</context>
<context>
    <name>ObjectivesPage</name>
    <message>
        <source>What your posts are for</source>
        <translation>À quoi servent vos publications</translation>
    </message>
    <message>
        <source>Tick your objectives; give each indicator a target you can check at the end of the period.</source>
        <translation>Cochez vos objectifs&#x202f;; donnez à chaque indicateur une cible vérifiable en fin de période.</translation>
    </message>
    <message>
        <source>&amp;Add an objective from scratch</source>
        <translation>&amp;Ajouter un objectif vierge</translation>
    </message>
    <message>
        <source>people, requests, €…</source>
        <translation>personnes, demandes, €…</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Objectif&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Indicator (KPI):</source>
        <translation>&amp;Indicateur (KPI)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Beyond being present: the guide suggests measuring people made aware of your cause, requests for help received, volunteers recruited and donations.</source>
        <translation>Au-delà de la présence&#xa0;: le guide propose de mesurer les personnes sensibilisées à votre cause, les demandes d’aide reçues, les bénévoles recrutés et les dons.</translation>
    </message>
    <message>
        <source>Measured from the networks&apos; statistics of your posts.</source>
        <translation>Mesuré à partir des statistiques de vos publications sur les réseaux.</translation>
    </message>
    <message>
        <source>Counted by your team: Tools › Record an outcome…</source>
        <translation>Compté par votre équipe&#xa0;: Outils › Saisir un résultat…</translation>
    </message>
    <message>
        <source>Every ticked objective needs a name.</source>
        <translation>Chaque objectif coché a besoin d’un nom.</translation>
    </message>
    <message>
        <source>Two ticked objectives have the same name.</source>
        <translation>Deux objectifs cochés ont le même nom.</translation>
    </message>
    <message>
        <source>Every ticked objective needs an indicator, so that its progress can be measured.</source>
        <translation>Chaque objectif coché a besoin d’un indicateur, pour que sa progression puisse être mesurée.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record an outcome</source>
        <translation>Saisir un résultat</translation>
    </message>
    <message>
        <source>Results that matter beyond « being present »: donations received, volunteers signed up, help requests, workshop sign-ups…</source>
        <translation>Les résultats qui comptent au-delà de « être présent »&#xa0;: dons reçus, bénévoles inscrits, demandes d’aide, inscriptions aux ateliers…</translation>
    </message>
    <message>
        <source>HelloAsso, cheque, stand at the market…</source>
        <translation>HelloAsso, chèque, stand au marché…</translation>
    </message>
    <message>
        <source>&amp;KPI:</source>
        <translation>&amp;Indicateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Montant&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>No KPI is fed by outcome entries yet. Add one to an objective first (for example « Dons reçus », source: outcome entries).</source>
        <translation>Aucun indicateur n’est alimenté par des résultats saisis pour l’instant. Ajoutez-en d’abord un à un objectif (par exemple « Dons reçus », source&#xa0;: résultats saisis).</translation>
    </message>
</context>
<context>
    <name>OutcomeModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Mineur</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Faces could not be looked for: %1</source>
        <translation>Impossible de chercher des visages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Who appears in this photo?</source>
        <translation>Qui apparaît sur cette photo&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <source>Image %1 (%2) seems to show %n face(s): say who appears in it, or that nobody can be recognised.</source>
        <translation>
            <numerusform>L’image %1 (%2) semble montrer %n visage&#xa0;: dites qui y apparaît, ou que personne n’est reconnaissable.</numerusform>
            <numerusform>L’image %1 (%2) semble montrer %n visages&#xa0;: dites qui y apparaît, ou que personne n’est reconnaissable.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>First name and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>Email, phone or address</source>
        <translation>Courriel, téléphone ou adresse</translation>
    </message>
    <message>
        <source>&amp;Minor (under 18)</source>
        <translation>&amp;Mineur (moins de 18 ans)</translation>
    </message>
    <message>
        <source>Who signs for them</source>
        <translation>Qui signe pour lui ou elle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact&#xa0;:</translation>
    </message>
    <message>
        <source>Legal &amp;guardian:</source>
        <translation>Représentant &amp;légal&#xa0;:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PersonaListModel</name>
    <message>
        <source>%1, %2 years old</source>
        <translation>%1, %2 ans</translation>
    </message>
</context>
<context>
    <name>PersonasDialog</name>
    <message>
        <source>Delete the persona %1</source>
        <translation>Supprimer le persona %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>&amp;New persona</source>
        <translation>&amp;Nouveau persona</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>What drives them, what they look for</source>
        <translation>Ce qui la motive, ce qu’elle cherche</translation>
    </message>
    <message>
        <source>Others, separated by commas (local groups, newsletter…)</source>
        <translation>Autres, séparés par des virgules (groupes locaux, lettre d’information…)</translation>
    </message>
    <message>
        <source>Tips, testimonies, infographics, short videos…</source>
        <translation>Astuces, témoignages, infographies, vidéos courtes…</translation>
    </message>
    <message>
        <source>&amp;Save the persona</source>
        <translation>&amp;Enregistrer le persona</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>Â&amp;ge&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Segment&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Motivation:</source>
        <translation>&amp;Motivation&#xa0;:</translation>
    </message>
    <message>
        <source>Net&amp;works used:</source>
        <translation>&amp;Réseaux utilisés&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Expected content:</source>
        <translation>&amp;Contenus attendus&#xa0;:</translation>
    </message>
    <message>
        <source>No personas yet</source>
        <translation>Aucun persona pour l’instant</translation>
    </message>
    <message>
        <source>A persona is a portrait of someone your posts speak to: a retired beneficiary, a young volunteer, a donor… Give each one a name, what drives them, the networks they use and the content they expect; then tag each post with the personas it is for, and see who the month forgets.</source>
        <translation>Un persona est le portrait d’une personne à qui vos publications s’adressent&#xa0;: une bénéficiaire retraitée, un jeune bénévole, une donatrice… Donnez à chacun un nom, ce qui le motive, les réseaux qu’il utilise et les contenus qu’il attend&#x202f;; associez ensuite chaque publication aux personas visés, et voyez qui le mois oublie.</translation>
    </message>
    <message>
        <source>Add a persona</source>
        <translation>Ajouter un persona</translation>
    </message>
    <message>
        <source>Delete %1? No post names this persona.</source>
        <translation>Supprimer %1&#x202f;? Aucune publication ne nomme ce persona.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is used by %n post(s)</source>
        <translation>
            <numerusform>%1 figure dans %n publication</numerusform>
            <numerusform>%1 figure dans %n publications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n published)</source>
        <translation>
            <numerusform>(dont %n publiée)</numerusform>
            <numerusform>(dont %n publiées)</numerusform>
        </translation>
    </message>
    <message>
        <source>Published posts keep it: it is archived, hidden from the lists and from the coverage of the weeks to come. The others no longer name it.</source>
        <translation>Les publications parues le gardent&#xa0;: il est archivé, retiré des listes et de la couverture des semaines à venir. Les autres ne le nomment plus.</translation>
    </message>
    <message>
        <source>These posts keep their text; they no longer name this persona.</source>
        <translation>Ces publications gardent leur texte&#x202f;; elles ne nomment plus ce persona.</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>Vous pourrez l’annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete the persona?</source>
        <translation>Supprimer le persona&#x202f;?</translation>
    </message>
</context>
<context>
    <name>PersonasPage</name>
    <message>
        <source>Who your posts speak to</source>
        <translation>À qui s’adressent vos publications</translation>
    </message>
    <message>
        <source>Tick the personas that resemble your public and adapt them, or write your own.</source>
        <translation>Cochez les personas qui ressemblent à votre public et adaptez-les, ou écrivez les vôtres.</translation>
    </message>
    <message>
        <source>&amp;Add a persona from scratch</source>
        <translation>&amp;Ajouter un persona vierge</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>Facebook, Instagram, local groups…</source>
        <translation>Facebook, Instagram, groupes locaux…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>Â&amp;ge&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Segment&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Motivation:</source>
        <translation>&amp;Motivation&#xa0;:</translation>
    </message>
    <message>
        <source>Net&amp;works used:</source>
        <translation>&amp;Réseaux utilisés&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Expected content:</source>
        <translation>&amp;Contenus attendus&#xa0;:</translation>
    </message>
    <message>
        <source>A persona is a portrait of someone your posts speak to. The three below are the examples of the communication guide ESS Planner follows; tick those you keep.</source>
        <translation>Un persona est le portrait d’une personne à qui vos publications s’adressent. Les trois ci-dessous sont les exemples du guide de communication que suit ESS Planner&#x202f;; cochez ceux que vous gardez.</translation>
    </message>
    <message>
        <source>Every ticked persona needs a name.</source>
        <translation>Chaque persona coché a besoin d’un nom.</translation>
    </message>
    <message>
        <source>Two ticked personas have the same name.</source>
        <translation>Deux personas cochés ont le même nom.</translation>
    </message>
</context>
<context>
    <name>PhotoRow</name>
    <message>
        <source>Who appears in this photo?</source>
        <extracomment>how many names the completer offers at most</extracomment>
        <translation>Qui apparaît sur cette photo&#x202f;?</translation>
    </message>
    <message>
        <source>Type a name from the register…</source>
        <translation>Tapez un nom du registre…</translation>
    </message>
    <message>
        <source>Add a person who appears in the photo</source>
        <translation>Ajouter une personne qui apparaît sur la photo</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Nouvelle personne…</translation>
    </message>
    <message>
        <source>No identifiable person</source>
        <translation>Aucune personne identifiable</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(effacée)</translation>
    </message>
    <message>
        <source>Remove %1 from this photo</source>
        <translation>Retirer %1 de cette photo</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>Recherche de visages…</translation>
    </message>
    <message>
        <source>No face found.</source>
        <translation>Aucun visage trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>This photo seems to show %n face(s): can nobody really be recognised?</source>
        <translation>
            <numerusform>Cette photo semble montrer %n visage&#xa0;: personne n’y est vraiment reconnaissable&#x202f;?</numerusform>
            <numerusform>Cette photo semble montrer %n visages&#xa0;: personne n’y est vraiment reconnaissable&#x202f;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This photo seems to show %n face(s), none tagged.</source>
        <translation>
            <numerusform>Cette photo semble montrer %n visage, personne n’est indiqué.</numerusform>
            <numerusform>Cette photo semble montrer %n visages, personne n’est indiqué.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This photo seems to show %n face(s), more than the people named (%1).</source>
        <translation>
            <numerusform>Cette photo semble montrer %n visage, plus que les personnes indiquées (%1).</numerusform>
            <numerusform>Cette photo semble montrer %n visages, plus que les personnes indiquées (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>&amp;Edit the event…</source>
        <translation>&amp;Modifier l’événement…</translation>
    </message>
    <message>
        <source>&amp;Prepare the posts…</source>
        <translation>&amp;Préparer les publications…</translation>
    </message>
    <message>
        <source>Events and campaigns</source>
        <translation>Événements et campagnes</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>&amp;Add an event…</source>
        <translation>&amp;Ajouter un événement…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Drafts for the announcement (D-14), the reminder (D-1), the day and the thanks (D+1)</source>
        <translation>Des brouillons pour l’annonce (J-14), le rappel (J-1), le jour même et le merci (J+1)</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>Add a &amp;campaign…</source>
        <translation>Ajouter une &amp;campagne…</translation>
    </message>
    <message>
        <source>Ca&amp;mpaigns</source>
        <translation>Ca&amp;mpagnes</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Add the event “%1”</source>
        <translation>Ajouter l’événement «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Change the event “%1”</source>
        <translation>Modifier l’événement «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Delete the event “%1”</source>
        <translation>Supprimer l’événement «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Add the campaign “%1”</source>
        <translation>Ajouter la campagne «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Change the campaign “%1”</source>
        <translation>Modifier la campagne «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Delete the campaign</source>
        <translation>Supprimer la campagne</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) belong to this campaign. Delete the campaign? The posts stay, in no campaign.</source>
        <translation>
            <numerusform>%n publication fait partie de cette campagne. Supprimer la campagne&#xa0;? La publication reste, sans campagne.</numerusform>
            <numerusform>%n publications font partie de cette campagne. Supprimer la campagne&#xa0;? Les publications restent, sans campagne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the campaign “%1”</source>
        <translation>Supprimer la campagne «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>PostActions</name>
    <message>
        <source>ESS Planner</source>
        <extracomment>time given to a post without one when it is dropped on a day</extracomment>
        <translation>ESS Planner</translation>
    </message>
    <message>
        <source>This post was changed elsewhere since the calendar showed it; it was not moved. The calendar is up to date now: try again.</source>
        <translation>Cette publication a été modifiée ailleurs depuis que le calendrier l’a affichée&#x202f;; elle n’a pas été déplacée. Le calendrier est à jour maintenant&#xa0;: recommencez.</translation>
    </message>
    <message>
        <source>“%1” has already gone out on some accounts; it stays where it is.</source>
        <translation>« %1 » est déjà partie sur certains comptes&#x202f;; elle reste où elle est.</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>Déplacer « %1 » au %2</translation>
    </message>
    <message>
        <source>Move a recurring post</source>
        <translation>Déplacer une publication répétée</translation>
    </message>
    <message numerus="yes">
        <source>Move %n post(s)</source>
        <translation>
            <numerusform>Déplacer %n publication</numerusform>
            <numerusform>Déplacer %n publications</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the post?</source>
        <translation>Supprimer la publication&#x202f;?</translation>
    </message>
    <message>
        <source>“%1” is online on %2. Deleting it here does not remove it from there; ESS Planner only forgets it. Delete it?</source>
        <translation>« %1 » est en ligne sur %2. La supprimer ici ne la retire pas de là-bas&#xa0;: ESS Planner l’oublie seulement. La supprimer&#x202f;?</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Supprimer « %1 »</translation>
    </message>
    <message>
        <source>Delete a recurring post</source>
        <translation>Supprimer une publication répétée</translation>
    </message>
    <message>
        <source>Post deleted. Undo with Ctrl+Z.</source>
        <translation>Publication supprimée. Ctrl+Z pour annuler.</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <translation>Créer « %1 »</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Modifier « %1 »</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archivé)</translation>
    </message>
    <message>
        <source>time zone %1</source>
        <translation>fuseau horaire %1</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Ca&amp;mpaign:</source>
        <translation>Ca&amp;mpagne&#xa0;:</translation>
    </message>
    <message>
        <source>Sent text</source>
        <translation>Texte envoyé</translation>
    </message>
    <message>
        <source>Choose an account to see the preview.</source>
        <translation>Choisissez un compte pour voir l’aperçu.</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nouvelle publication</translation>
    </message>
    <message>
        <source>The draft could not be autosaved: %1</source>
        <translation>Le brouillon n’a pas pu être sauvegardé automatiquement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fix the problems listed on the right before scheduling, or untick “Publish automatically” to save a draft.</source>
        <translation>Corrigez les problèmes listés à droite avant de planifier, ou décochez « Publier automatiquement » pour enregistrer un brouillon.</translation>
    </message>
    <message>
        <source>A post that went out cannot start repeating: duplicate it, then choose how the copy repeats.</source>
        <translation>Une publication déjà parue ne peut pas devenir récurrente&#xa0;: dupliquez-la, puis choisissez comment la copie se répète.</translation>
    </message>
    <message>
        <source>Choose the date of the first post.</source>
        <translation>Choisissez la date de la première publication.</translation>
    </message>
    <message>
        <source>Create the recurring post “%1”</source>
        <translation>Créer la publication répétée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Make “%1” repeat</source>
        <translation>Rendre « %1 » récurrente</translation>
    </message>
    <message>
        <source>To stop the repeat, delete this occurrence and the following ones from the calendar.</source>
        <translation>Pour arrêter la répétition, supprimez cette occurrence et les suivantes depuis le calendrier.</translation>
    </message>
    <message>
        <source>Save a recurring post</source>
        <translation>Enregistrer une publication répétée</translation>
    </message>
    <message>
        <source>A new repeat applies to this occurrence and the following ones, or to all of them.</source>
        <translation>Une nouvelle répétition s’applique à cette occurrence et aux suivantes, ou à toutes.</translation>
    </message>
    <message>
        <source>Edit the recurring post “%1”</source>
        <translation>Modifier la publication répétée «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Choose at least one account for the post before adding it to the queue.</source>
        <translation>Choisissez au moins un compte pour la publication avant de l’ajouter à la file.</translation>
    </message>
    <message>
        <source>Fix the problems listed on the right before adding the post to the queue.</source>
        <translation>Corrigez les problèmes listés à droite avant d’ajouter la publication à la file.</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>Ajouter à la file</translation>
    </message>
    <message>
        <source>Publish a post not approved?</source>
        <translation>Publier une publication non validée&#x202f;?</translation>
    </message>
    <message>
        <source>This post is at the stage “%1”, not “Approved”. Publish it automatically anyway?</source>
        <translation>Cette publication est à l’étape « %1 », pas « Validée ». La publier automatiquement quand même&#x202f;?</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>le %1</translation>
    </message>
    <message>
        <source>Open on the network</source>
        <translation>Ouvrir sur le réseau</translation>
    </message>
    <message>
        <source>The post is online</source>
        <translation>La publication est en ligne</translation>
    </message>
    <message>
        <source>“%1” is already online on %2. Changes made here would not reach the network.</source>
        <translation>« %1 » est déjà en ligne sur %2. Une modification faite ici n’atteindrait pas le réseau.</translation>
    </message>
    <message>
        <source>Make a new post from it, to edit and publish?</source>
        <translation>En faire une nouvelle publication, à modifier et publier&#x202f;?</translation>
    </message>
    <message>
        <source>Make a &amp;new post</source>
        <translation>Faire une &amp;nouvelle publication</translation>
    </message>
    <message>
        <source>&amp;Open on the network</source>
        <translation>&amp;Ouvrir sur le réseau</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copier le lien</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>&amp;Publish now</source>
        <translation>&amp;Publier maintenant</translation>
    </message>
    <message>
        <source>Save as &amp;template…</source>
        <translation>Enregistrer comme &amp;modèle…</translation>
    </message>
    <message>
        <source>Save your changes first: the template is made from the saved post.</source>
        <translation>Enregistrez d’abord vos modifications&#xa0;: le modèle est fait à partir de la publication enregistrée.</translation>
    </message>
    <message>
        <source>The post goes out now.</source>
        <translation>La publication part maintenant.</translation>
    </message>
    <message>
        <source>This post was deleted elsewhere. Your text is still here: save it to make it a new post.</source>
        <translation>Cette publication a été supprimée ailleurs. Votre texte est toujours là&#xa0;: enregistrez-le pour en faire une nouvelle publication.</translation>
    </message>
    <message>
        <source>Someone else just changed this post: their version is shown.</source>
        <translation>Quelqu’un d’autre vient de modifier cette publication&#xa0;: sa version est affichée.</translation>
    </message>
    <message>
        <source>Someone else just saved this post. Keep writing: when you save, you will see both versions and choose.</source>
        <translation>Quelqu’un d’autre vient d’enregistrer cette publication. Continuez d’écrire&#xa0;: à l’enregistrement, vous verrez les deux versions et choisirez.</translation>
    </message>
    <message>
        <source>Their version is shown; your text is on the clipboard.</source>
        <translation>Sa version est affichée&#x202f;; votre texte est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modifiée ailleurs</translation>
    </message>
    <message>
        <source>&amp;Reload the post</source>
        <translation>&amp;Recharger la publication</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer à modifier</translation>
    </message>
    <message>
        <source>Reloading shows the other person&apos;s version; your text is copied to the clipboard first.</source>
        <translation>Recharger affiche la version de l’autre personne&#x202f;; votre texte est d’abord copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>The post was reloaded; your text is on the clipboard.</source>
        <translation>La publication a été rechargée&#x202f;; votre texte est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to this post before closing?</source>
        <translation>Enregistrer les modifications de cette publication avant de fermer&#x202f;?</translation>
    </message>
</context>
<context>
    <name>PreparePostsDialog</name>
    <message>
        <source>Prepare the posts</source>
        <translation>Préparer les publications</translation>
    </message>
    <message>
        <source>Drafts for “%1”: tick those you want and change their times.</source>
        <translation>Brouillons pour « %1 »&#xa0;: cochez ceux que vous voulez et changez leurs heures.</translation>
    </message>
    <message>
        <source>Prepare the posts of “%1”</source>
        <translation>Préparer les publications de « %1 »</translation>
    </message>
    <message>
        <source>No event to come: add one with Tools › Events and campaigns…</source>
        <translation>Aucun événement à venir&#xa0;: ajoutez-en un avec Outils › Événements et campagnes…</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Événement&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PreviewCard</name>
    <message>
        <source>(no text)</source>
        <translation>(pas de texte)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Lien&#xa0;:</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 caractères sur %2</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 caractères</translation>
    </message>
    <message>
        <source>the part in red does not fit</source>
        <translation>la partie en rouge dépasse</translation>
    </message>
    <message>
        <source>links are not clickable in captions on this network</source>
        <translation>les liens ne sont pas cliquables dans les légendes sur ce réseau</translation>
    </message>
    <message numerus="yes">
        <source>+%n more image(s)</source>
        <translation>
            <numerusform>+%n autre image</numerusform>
            <numerusform>+%n autres images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProofModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>♻ Reuse “%1” (from %2)</source>
        <translation>♻ Réutiliser « %1 » (à partir du %2)</translation>
    </message>
    <message>
        <source>✎ New post from the template “%1”</source>
        <translation>✎ Nouvelle publication depuis le modèle « %1 »</translation>
    </message>
</context>
<context>
    <name>PublishingHost</name>
    <message>
        <source>Publish in the &amp;background</source>
        <translation>Publier en &amp;arrière-plan</translation>
    </message>
    <message>
        <source>Scheduled posts go out while the window is closed, and from the next login on</source>
        <translation>Les messages planifiés partent aussi quand la fenêtre est fermée, et dès la prochaine ouverture de session</translation>
    </message>
    <message>
        <source>The background service is not running: publishing from this window</source>
        <translation>Le service d’arrière-plan ne tourne pas&#xa0;: publication depuis cette fenêtre</translation>
    </message>
    <message>
        <source>Publishing from this window</source>
        <translation>Publication depuis cette fenêtre</translation>
    </message>
    <message>
        <source>Publishing in the background (process %1)</source>
        <translation>Publication en arrière-plan (processus %1)</translation>
    </message>
    <message>
        <source>Another ESS Planner window is publishing (process %1)</source>
        <translation>Une autre fenêtre d’ESS Planner publie (processus %1)</translation>
    </message>
    <message>
        <source>Starting the background publishing service…</source>
        <translation>Démarrage du service de publication en arrière-plan…</translation>
    </message>
    <message>
        <source>Not publishing</source>
        <translation>Aucune publication en cours</translation>
    </message>
    <message>
        <source>Publishing in the background</source>
        <translation>Publication en arrière-plan</translation>
    </message>
    <message>
        <source>ESS Planner</source>
        <translation>ESS Planner</translation>
    </message>
    <message numerus="yes">
        <source>%n posts are scheduled; they will go out in the background.</source>
        <translation>
            <numerusform>%n message est planifié&#x202f;; il partira en arrière-plan.</numerusform>
            <numerusform>%n messages sont planifiés&#x202f;; ils partiront en arrière-plan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The publishing service keeps running when the window is closed, and starts again when you log in.</source>
        <translation>Le service de publication continue quand la fenêtre est fermée, et redémarre à l’ouverture de votre session.</translation>
    </message>
    <message>
        <source>Do not show this again</source>
        <translation>Ne plus afficher ce message</translation>
    </message>
    <message>
        <source>&amp;Close the window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message numerus="yes">
        <source>%n posts are scheduled; they will NOT go out while ESS Planner is closed.</source>
        <translation>
            <numerusform>%n message est planifié&#x202f;; il ne partira PAS tant qu’ESS Planner est fermé.</numerusform>
            <numerusform>%n messages sont planifiés&#x202f;; ils ne partiront PAS tant qu’ESS Planner est fermé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing in the background sends them on time while the window is closed, and from the next login on.</source>
        <translation>La publication en arrière-plan les envoie à l’heure même fenêtre fermée, et dès la prochaine ouverture de session.</translation>
    </message>
    <message>
        <source>&amp;Publish in the background</source>
        <translation>&amp;Publier en arrière-plan</translation>
    </message>
    <message>
        <source>&amp;Quit without publishing</source>
        <translation>&amp;Quitter sans publier</translation>
    </message>
</context>
<context>
    <name>PublishingPage</name>
    <message>
        <source>Publishing while the window is closed</source>
        <translation>Publier quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>Publish in the &amp;background</source>
        <translation>Publier en &amp;arrière-plan</translation>
    </message>
    <message>
        <source>Posts go out even when the window is closed.</source>
        <translation>Les publications partent même quand la fenêtre est fermée.</translation>
    </message>
    <message>
        <source>Everything can be changed later: Edit › Preferences, Tools › Personas, Objectives and Accounts.</source>
        <translation>Tout se modifie plus tard&#xa0;: Édition › Préférences, Outils › Personas, Objectifs et Comptes.</translation>
    </message>
</context>
<context>
    <name>PublishingTray</name>
    <message>
        <source>Publishing…</source>
        <extracomment>delivery changes are merged for this long before the views redraw notifications arriving within this time become one</extracomment>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>&amp;Publish due posts now</source>
        <translation>&amp;Publier maintenant les publications dues</translation>
    </message>
    <message>
        <source>&amp;Show ESS Planner</source>
        <translation>&amp;Afficher ESS Planner</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>ESS Planner: publishing scheduled posts</source>
        <translation>ESS Planner&#xa0;: publication des messages planifiés</translation>
    </message>
    <message>
        <source>ESS Planner: %1</source>
        <translation>ESS Planner&#xa0;: %1</translation>
    </message>
    <message>
        <source>Post not published</source>
        <translation>Publication non publiée</translation>
    </message>
    <message>
        <source>Post to check</source>
        <translation>Publication à vérifier</translation>
    </message>
    <message>
        <source>Post missed</source>
        <translation>Publication manquée</translation>
    </message>
    <message>
        <source>Post needs attention</source>
        <translation>Publication en attente de votre réponse</translation>
    </message>
    <message numerus="yes">
        <source>%n posts need your attention</source>
        <translation>
            <numerusform>%n publication demande votre attention</numerusform>
            <numerusform>%n publications demandent votre attention</numerusform>
        </translation>
    </message>
    <message>
        <source>ESS Planner is still running</source>
        <translation>ESS Planner continue de tourner</translation>
    </message>
    <message>
        <source>Your scheduled posts will go out on time. Quit from this icon&apos;s menu.</source>
        <translation>Vos publications planifiées partiront à l’heure. Pour quitter, passez par le menu de cette icône.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Queued posts</source>
        <translation>Publications en file</translation>
    </message>
    <message>
        <source>Drag a post up or down: the posts keep the same slots and take them in the new order (Edit › Undo puts them back). A post for several accounts goes out at one time on all of them: the queue gives it the earliest slot free on every one.</source>
        <translation>Glissez une publication vers le haut ou le bas&#xa0;: les publications gardent les mêmes créneaux et les prennent dans le nouvel ordre (Édition › Annuler les remet). Une publication pour plusieurs comptes part à la même heure sur tous&#xa0;: la file lui donne le premier créneau libre sur chacun.</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Posts being sent</source>
        <translation>Messages en cours d’envoi</translation>
    </message>
    <message>
        <source>ESS Planner quits as soon as these posts are sent:</source>
        <translation>ESS Planner se ferme dès que ces messages sont envoyés&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Quitter quand même</translation>
    </message>
    <message>
        <source>The posts being sent are checked on their network at the next start; none is sent twice.</source>
        <translation>Les messages en cours d’envoi sont vérifiés sur leur réseau au prochain démarrage&#x202f;; aucun n’est envoyé deux fois.</translation>
    </message>
    <message>
        <source>&amp;Let the background service finish it</source>
        <translation>&amp;Laisser le service d’arrière-plan terminer</translation>
    </message>
    <message>
        <source>ESS Planner quits now; the background publishing service checks these posts and goes on with the others.</source>
        <translation>ESS Planner se ferme maintenant&#x202f;; le service de publication en arrière-plan vérifie ces messages et continue avec les autres.</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>en attente…</translation>
    </message>
    <message>
        <source>The network has not answered yet. Quitting now does not lose the post: it is checked before anything is sent again.</source>
        <translation>Le réseau n’a pas encore répondu. Quitter maintenant ne perd pas le message&#xa0;: il est vérifié avant tout nouvel envoi.</translation>
    </message>
</context>
<context>
    <name>RepeatSection</name>
    <message>
        <source>Does not repeat</source>
        <translation>Ne se répète pas</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Chaque jour</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Chaque mois</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Chaque année</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Tous les</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>À une date</translation>
    </message>
    <message>
        <source>After a number of times</source>
        <translation>Après un nombre de fois</translation>
    </message>
    <message>
        <source>Without an end, the posts are made %1 days ahead, then as time goes by.</source>
        <translation>Sans fin, les publications sont préparées %1&#xa0;jours à l’avance, puis au fil du temps.</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Nombre de fois</translation>
    </message>
    <message>
        <source>E&amp;nds:</source>
        <translation>&amp;Fin&#xa0;:</translation>
    </message>
    <message>
        <source>Next occurrences</source>
        <translation>Prochaines occurrences</translation>
    </message>
    <message>
        <source>On day %1</source>
        <translation>Le %1 du mois</translation>
    </message>
    <message>
        <source>On the first %1</source>
        <translation>Le premier %1</translation>
    </message>
    <message>
        <source>On the second %1</source>
        <translation>Le deuxième %1</translation>
    </message>
    <message>
        <source>On the third %1</source>
        <translation>Le troisième %1</translation>
    </message>
    <message>
        <source>On the fourth %1</source>
        <translation>Le quatrième %1</translation>
    </message>
    <message>
        <source>On the last %1</source>
        <translation>Le dernier %1</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>jour</numerusform>
            <numerusform>jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>semaine</numerusform>
            <numerusform>semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>mois</numerusform>
            <numerusform>mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>an</numerusform>
            <numerusform>ans</numerusform>
        </translation>
    </message>
    <message>
        <source>Every</source>
        <comment>before a number of weeks</comment>
        <translation>Toutes les</translation>
    </message>
    <message numerus="yes">
        <source> time(s)</source>
        <translation>
            <numerusform> fois</numerusform>
            <numerusform> fois</numerusform>
        </translation>
    </message>
    <message>
        <source>Months without a day %1 are skipped: no post in those months.</source>
        <translation>Les mois sans jour %1 sont sautés&#xa0;: pas de publication ces mois-là.</translation>
    </message>
    <message>
        <source>No occurrence: the end comes before the first one.</source>
        <translation>Aucune occurrence&#xa0;: la fin arrive avant la première.</translation>
    </message>
    <message>
        <source>Next times:</source>
        <translation>Prochaines fois&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for the board and funders</source>
        <translation>Rapport pour le conseil d’administration et les financeurs</translation>
    </message>
    <message>
        <source>PDF, to print or send</source>
        <translation>PDF, à imprimer ou envoyer</translation>
    </message>
    <message>
        <source>CSV, for a spreadsheet</source>
        <translation>CSV, pour un tableur</translation>
    </message>
    <message>
        <source>Name of the organisation (optional)</source>
        <translation>Nom de l’organisation (facultatif)</translation>
    </message>
    <message>
        <source>Count the posts of test accounts (nothing was sent on them)</source>
        <translation>Compter les publications des comptes de test (rien n’y a été envoyé)</translation>
    </message>
    <message>
        <source>Posts by objective and persona, each KPI against its target, reach, the best posts and the gaps to fill, for the period you choose.</source>
        <translation>Les publications par objectif et par persona, chaque indicateur face à sa cible, la portée, les meilleures publications et les trous à combler, pour la période choisie.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation&#xa0;:</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tableaux CSV (*.csv)</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>La fin de la période est avant son début.</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Rapport enregistré dans %1.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Review list</source>
        <translation>À relire</translation>
    </message>
    <message>
        <source>&amp;Review list</source>
        <translation>Publications à &amp;relire</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Su&amp;bmit for review…</source>
        <translation>Soumettre à &amp;relecture…</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>A&amp;pprouver…</translation>
    </message>
    <message>
        <source>Request chan&amp;ges…</source>
        <translation>Demander des &amp;modifications…</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Post</source>
        <extracomment>approved before, edited since: back in review</extracomment>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Soumise par</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Soumise le</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>%1 (changed since its approval)</source>
        <translation>%1 (modifiée depuis son approbation)</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Posts waiting for review</source>
        <translation>Publications en attente de relecture</translation>
    </message>
    <message>
        <source>Nothing waiting for review</source>
        <translation>Rien à relire</translation>
    </message>
    <message>
        <source>Posts submitted for review appear here, oldest first, until an approver approves them or asks for changes.</source>
        <translation>Les publications soumises à relecture apparaissent ici, les plus anciennes d’abord, jusqu’à ce qu’un approbateur les approuve ou demande des modifications.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
</context>
<context>
    <name>ReviewWatch</name>
    <message>
        <source>Post to review</source>
        <translation>Publication à relire</translation>
    </message>
    <message>
        <source>%1 submitted “%2” for review.</source>
        <translation>%1 a soumis « %2 » à relecture.</translation>
    </message>
    <message numerus="yes">
        <source>%n posts to review</source>
        <translation>
            <numerusform>%n publication à relire</numerusform>
            <numerusform>%n publications à relire</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 vous mentionne</translation>
    </message>
    <message>
        <source>On “%1”: %2</source>
        <translation>Sur « %1 »&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n comments mention you</source>
        <translation>
            <numerusform>%n commentaire vous mentionne</numerusform>
            <numerusform>%n commentaires vous mentionnent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>No post contains “%1”, at any date.</source>
        <translation>Aucune publication ne contient «&#xa0;%1&#xa0;», à aucune date.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) found; the first %1 are listed.</source>
        <translation>
            <numerusform>%n publication trouvée&#xa0;; voici les %1 premières.</numerusform>
            <numerusform>%n publications trouvées&#xa0;; voici les %1 premières.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) found, at every date.</source>
        <translation>
            <numerusform>%n publication trouvée, toutes dates confondues.</numerusform>
            <numerusform>%n publications trouvées, toutes dates confondues.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
</context>
<context>
    <name>SeriesMark</name>
    <message>
        <source>Repeats</source>
        <translation>Répétée</translation>
    </message>
    <message>
        <source>Repeats: %1</source>
        <translation>Répétée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SeriesScope</name>
    <message>
        <source>This post repeats. Apply the change to:</source>
        <translation>Cette publication se répète. Appliquer le changement à&#xa0;:</translation>
    </message>
    <message>
        <source>This occurrence</source>
        <translation>Cette occurrence</translation>
    </message>
    <message>
        <source>This and the following</source>
        <translation>Celle-ci et les suivantes</translation>
    </message>
    <message>
        <source>All occurrences</source>
        <translation>Toutes les occurrences</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Applies at the next start.</source>
        <translation>S’applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>Language and time</source>
        <translation>Langue et heure</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Posts are planned and shown in this time zone.</source>
        <translation>Les publications sont planifiées et affichées dans ce fuseau horaire.</translation>
    </message>
    <message>
        <source>Publish in the &amp;background</source>
        <translation>Publier en &amp;arrière-plan</translation>
    </message>
    <message>
        <source>Start the background publishing at &amp;login</source>
        <translation>Lancer la publication en arrière-plan à l’&amp;ouverture de session</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Show &amp;notifications (published, failed, needs attention)</source>
        <translation>Afficher les &amp;notifications (publiée, échec, à traiter)</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Posts go out even when the window is closed.</source>
        <translation>Les publications partent même quand la fenêtre est fermée.</translation>
    </message>
    <message>
        <source>&amp;Grace period for missed posts:</source>
        <translation>&amp;Délai de grâce des publications manquées&#xa0;:</translation>
    </message>
    <message>
        <source>A post that could not go out at its time (computer off) still goes out if it is less late than this; otherwise you are asked what to do. Applies to accounts connected from now on.</source>
        <translation>Une publication qui n’a pas pu partir à l’heure (ordinateur éteint) part quand même si son retard est inférieur à ce délai&#x202f;; sinon, on vous demande quoi faire. S’applique aux comptes connectés à partir de maintenant.</translation>
    </message>
    <message>
        <source>Refuse to schedule a post whose image &amp;description says nothing</source>
        <translation>Refuser de programmer une publication dont la &amp;description d’image ne dit rien</translation>
    </message>
    <message>
        <source>An empty description, a file name, “photo” or a few letters: without this, the editor only warns.</source>
        <translation>Une description vide, un nom de fichier, « photo » ou quelques lettres&#xa0;: sans cette case, l’éditeur avertit seulement.</translation>
    </message>
    <message>
        <source>Back up the database and the media every &amp;day</source>
        <translation>Sauvegarder la base et les médias chaque &amp;jour</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Backups kept:</source>
        <translation>&amp;Sauvegardes conservées&#xa0;:</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>Où sont les données</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Dossier des données&#xa0;:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Réglages&#xa0;:</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Sauvegardes&#xa0;:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Journaux&#xa0;:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>L’équipe</translation>
    </message>
    <message>
        <source>The preferences could not be saved: %1</source>
        <translation>Les préférences n’ont pas pu être enregistrées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New post</source>
        <translation>Nouvelle publication</translation>
    </message>
    <message>
        <source>New post from a template</source>
        <translation>Nouvelle publication depuis un modèle</translation>
    </message>
    <message>
        <source>Month, week or agenda view</source>
        <translation>Vue mois, semaine ou agenda</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Previous / next month or week</source>
        <translation>Mois ou semaine précédent / suivant</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>Aller à une date</translation>
    </message>
    <message>
        <source>Refresh: read again what other programs changed</source>
        <translation>Actualiser&#xa0;: relire ce que d’autres programmes ont changé</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>Flèches</translation>
    </message>
    <message>
        <source>Move between days (month) or posts (week)</source>
        <translation>Passer d’un jour à l’autre (mois) ou d’une publication à l’autre (semaine)</translation>
    </message>
    <message>
        <source>Previous / next post of the day</source>
        <translation>Publication précédente / suivante du jour</translation>
    </message>
    <message>
        <source>Open the post (or write one on that day)</source>
        <translation>Ouvrir la publication (ou en écrire une ce jour-là)</translation>
    </message>
    <message>
        <source>Move the post one day later / earlier</source>
        <translation>Déplacer la publication d’un jour plus tard / plus tôt</translation>
    </message>
    <message>
        <source>Delete the post</source>
        <translation>Supprimer la publication</translation>
    </message>
    <message>
        <source>Undo / redo (moves, edits, deletions)</source>
        <translation>Annuler / rétablir (déplacements, modifications, suppressions)</translation>
    </message>
    <message>
        <source>Search titles and texts</source>
        <translation>Chercher dans les titres et les textes</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Personas / objectives</source>
        <translation>Personas / objectifs</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Image rights: people and consents</source>
        <translation>Droit à l’image&#xa0;: personnes et consentements</translation>
    </message>
    <message>
        <source>Dashboard / coverage by persona and objective</source>
        <translation>Tableau de bord / couverture par persona et objectif</translation>
    </message>
    <message>
        <source>Record an outcome / board report</source>
        <translation>Saisir un résultat / rapport au conseil</translation>
    </message>
    <message>
        <source>Editor: save</source>
        <translation>Éditeur&#xa0;: enregistrer</translation>
    </message>
    <message>
        <source>Editor: save and schedule</source>
        <translation>Éditeur&#xa0;: enregistrer et planifier</translation>
    </message>
    <message>
        <source>Editor: close (asks before losing changes)</source>
        <translation>Éditeur&#xa0;: fermer (demande avant de perdre des modifications)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SlotsEditor</name>
    <message>
        <source>for example: mon 09:00, wed 18:30</source>
        <translation>par exemple&#xa0;: lun 09:00, mer 18:30</translation>
    </message>
    <message>
        <source>Weekly times, in the workspace&apos;s time zone, at which “Add to the queue” places this account&apos;s posts. Changing them moves no scheduled post.</source>
        <translation>Heures hebdomadaires, dans le fuseau de l’espace de travail, où « Ajouter à la file » place les publications de ce compte. Les changer ne déplace aucune publication programmée.</translation>
    </message>
    <message>
        <source>Posting &amp;slots:</source>
        <translation>&amp;Créneaux de publication&#xa0;:</translation>
    </message>
    <message>
        <source>Save slots</source>
        <translation>Enregistrer les créneaux</translation>
    </message>
    <message>
        <source>Posting slots</source>
        <translation>Créneaux de publication</translation>
    </message>
    <message numerus="yes">
        <source>%n queued post(s) no longer sit on a slot of this account. They were not moved. Put them on the next free slots now?</source>
        <translation>
            <numerusform>%n publication de la file n’est plus sur un créneau de ce compte. Elle n’a pas été déplacée. La mettre au prochain créneau libre maintenant&#x202f;?</numerusform>
            <numerusform>%n publications de la file ne sont plus sur un créneau de ce compte. Elles n’ont pas été déplacées. Les mettre aux prochains créneaux libres maintenant&#x202f;?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Contributor</source>
        <translation>Contributeur</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approbateur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>writes posts and submits them for review</source>
        <translation>écrit des publications et les soumet à relecture</translation>
    </message>
    <message>
        <source>approves posts and schedules them</source>
        <translation>approuve les publications et les planifie</translation>
    </message>
    <message>
        <source>approves posts, manages the accounts, the settings and the people</source>
        <translation>approuve les publications, gère les comptes, les réglages et les personnes</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>« %1 » n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Give your name too: your teammates see it on what you write.</source>
        <translation>Indiquez aussi votre nom&#xa0;: vos coéquipiers le voient sur ce que vous écrivez.</translation>
    </message>
</context>
<context>
    <name>TeamPreferences</name>
    <message>
        <source>You and your team</source>
        <translation>Vous et votre équipe</translation>
    </message>
    <message>
        <source>Your role: %1 (%2)</source>
        <translation>Votre rôle&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Posts need &amp;approval before they are scheduled</source>
        <translation>Les publications doivent être &amp;approuvées avant d’être planifiées</translation>
    </message>
    <message>
        <source>For the whole team: a post goes out at its time only once an approver has approved it; editing an approved post sends it back to review.</source>
        <translation>Pour toute l’équipe&#xa0;: une publication ne part à son heure qu’une fois approuvée par un approbateur&#x202f;; modifier une publication approuvée la renvoie en relecture.</translation>
    </message>
</context>
<context>
    <name>TeamSection</name>
    <message>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Only an approver approves a post.</source>
        <translation>Seul un approbateur approuve une publication.</translation>
    </message>
    <message>
        <source>Save the post to discuss it with the team.</source>
        <translation>Enregistrez la publication pour en discuter avec l’équipe.</translation>
    </message>
    <message>
        <source>Discussion (%1)</source>
        <translation>Discussion (%1)</translation>
    </message>
    <message>
        <source>Back in review: edited by %1 on %2 after its approval.</source>
        <translation>De retour en relecture&#xa0;: modifiée par %1 le %2 après son approbation.</translation>
    </message>
    <message>
        <source>In review: submitted by %1 on %2.</source>
        <translation>En relecture&#xa0;: soumise par %1 le %2.</translation>
    </message>
    <message>
        <source>In review.</source>
        <translation>En relecture.</translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>Approuvée par %1 le %2.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approuvée.</translation>
    </message>
    <message>
        <source>%1 asked for changes: %2</source>
        <translation>%1 a demandé des modifications&#xa0;: %2</translation>
    </message>
    <message>
        <source>Stage: %1. Submit it when it is ready for an approver.</source>
        <translation>Étape&#xa0;: %1. Soumettez-la quand elle est prête pour un approbateur.</translation>
    </message>
    <message>
        <source>(The team&apos;s rule: a post goes out only once approved.)</source>
        <translation>(Règle de l’équipe&#xa0;: une publication ne part qu’une fois approuvée.)</translation>
    </message>
    <message>
        <source>Save your changes first: the review is of the saved post.</source>
        <translation>Enregistrez d’abord vos modifications&#xa0;: la relecture porte sur la publication enregistrée.</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Soumettre à relecture</translation>
    </message>
    <message>
        <source>“%1” goes to the approvers&apos; review list.</source>
        <translation>« %1 » rejoint la liste à relire des approbateurs.</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Soumettre</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Approve “%1”: it can then go out at its time.</source>
        <translation>Approuver « %1 »&#xa0;: elle pourra alors partir à son heure.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Demander des modifications</translation>
    </message>
    <message>
        <source>Say what should change in “%1”; its author sees it in the discussion.</source>
        <translation>Dites ce qui doit changer dans « %1 »&#x202f;; son auteur le verra dans la discussion.</translation>
    </message>
    <message>
        <source>&amp;Request changes</source>
        <translation>Demander des &amp;modifications</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>%1 (yours)</source>
        <extracomment>the role holding a row&apos;s :class:`PostTemplate`</extracomment>
        <translation>%1 (le vôtre)</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Call to action</source>
        <translation>Appel à l’action</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Speaks to</source>
        <translation>S’adresse à</translation>
    </message>
    <message>
        <source>none of yours yet</source>
        <translation>aucune des vôtres pour l’instant</translation>
    </message>
    <message>
        <source>Your personas</source>
        <translation>Vos personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Your objectives</source>
        <translation>Vos objectifs</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>New post from template</source>
        <translation>Nouvelle publication depuis un modèle</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Create the post</source>
        <translation>&amp;Créer la publication</translation>
    </message>
    <message>
        <source>&amp;Delete this template</source>
        <translation>&amp;Supprimer ce modèle</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>Supprimer le modèle « %1 »&#x202f;?</translation>
    </message>
</context>
<context>
    <name>TikTokPanel</name>
    <message>
        <source>TikTok</source>
        <translation>TikTok</translation>
    </message>
    <message>
        <source>Reading the TikTok account…</source>
        <translation>Lecture du compte TikTok…</translation>
    </message>
    <message>
        <source>This account sends videos to the TikTok inbox: you finish and post each one in the TikTok app.</source>
        <translation>Ce compte envoie les vidéos dans la boîte de réception TikTok&#xa0;: vous finalisez et publiez chacune dans l’application TikTok.</translation>
    </message>
    <message>
        <source>Who can see this video:</source>
        <translation>Qui peut voir cette vidéo&#xa0;:</translation>
    </message>
    <message>
        <source>Allow users to:</source>
        <translation>Autoriser les utilisateurs à&#xa0;:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commenter</translation>
    </message>
    <message>
        <source>Duet</source>
        <translation>Duo</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Collage</translation>
    </message>
    <message>
        <source>Disclose video content</source>
        <translation>Divulguer le contenu de la vidéo</translation>
    </message>
    <message>
        <source>Turn on to disclose that this video promotes goods or services in exchange for something of value. Your video could promote yourself, a third party, or both.</source>
        <translation>Activez pour indiquer que cette vidéo fait la promotion de biens ou de services en échange de quelque chose de valeur. Votre vidéo peut faire votre promotion, celle d’un tiers, ou les deux.</translation>
    </message>
    <message>
        <source>Your brand</source>
        <translation>Votre marque</translation>
    </message>
    <message>
        <source>You are promoting yourself or your own business. This video will be classified as Brand Organic.</source>
        <translation>Vous faites votre propre promotion ou celle de votre entreprise. Cette vidéo sera classée comme Brand Organic.</translation>
    </message>
    <message>
        <source>Branded content</source>
        <translation>Contenu de marque</translation>
    </message>
    <message>
        <source>You are promoting another brand or a third party. This video will be classified as Branded Content.</source>
        <translation>Vous faites la promotion d’une autre marque ou d’un tiers. Cette vidéo sera classée comme Branded Content.</translation>
    </message>
    <message>
        <source>After publishing, TikTok may take a few minutes to process the video before it appears on the profile.</source>
        <translation>Après la publication, TikTok peut mettre quelques minutes à traiter la vidéo avant qu’elle n’apparaisse sur le profil.</translation>
    </message>
    <message>
        <source>Posting as %1 (@%2)</source>
        <translation>Publication en tant que %1 (@%2)</translation>
    </message>
    <message>
        <source>Posting as %1</source>
        <translation>Publication en tant que %1</translation>
    </message>
    <message>
        <source>Choose who can see this video</source>
        <translation>Choisissez qui peut voir cette vidéo</translation>
    </message>
    <message>
        <source>Turned off in this account&apos;s TikTok settings.</source>
        <translation>Désactivé dans les réglages TikTok de ce compte.</translation>
    </message>
    <message>
        <source>This account may post videos of at most %1 s.</source>
        <translation>Ce compte peut publier des vidéos de %1 s au plus.</translation>
    </message>
    <message>
        <source>The TikTok account could not be read: %1</source>
        <translation>Le compte TikTok n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Amis</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Abonnés</translation>
    </message>
    <message>
        <source>Only you</source>
        <translation>Vous uniquement</translation>
    </message>
    <message>
        <source>Your video will be labeled as &apos;Paid partnership&apos;</source>
        <translation>Votre vidéo sera étiquetée « Partenariat rémunéré »</translation>
    </message>
    <message>
        <source>Your video will be labeled as &apos;Promotional content&apos;</source>
        <translation>Votre vidéo sera étiquetée « Contenu promotionnel »</translation>
    </message>
    <message>
        <source>You need to indicate if your content promotes yourself, a third party, or both.</source>
        <translation>Vous devez indiquer si votre contenu fait votre promotion, celle d’un tiers, ou les deux.</translation>
    </message>
    <message>
        <source>Branded content visibility cannot be set to private.</source>
        <translation>La visibilité d’un contenu de marque ne peut pas être privée.</translation>
    </message>
    <message>
        <source>By posting, you agree to TikTok&apos;s &lt;a href=&quot;%1&quot;&gt;Branded Content Policy&lt;/a&gt; and &lt;a href=&quot;%2&quot;&gt;Music Usage Confirmation&lt;/a&gt;.</source>
        <translation>En publiant, vous acceptez la &lt;a href=&quot;%1&quot;&gt;Politique relative au contenu de marque&lt;/a&gt; et la &lt;a href=&quot;%2&quot;&gt;Confirmation d’utilisation de la musique&lt;/a&gt; de TikTok.</translation>
    </message>
    <message>
        <source>By posting, you agree to TikTok&apos;s &lt;a href=&quot;%1&quot;&gt;Music Usage Confirmation&lt;/a&gt;.</source>
        <translation>En publiant, vous acceptez la &lt;a href=&quot;%1&quot;&gt;Confirmation d’utilisation de la musique&lt;/a&gt; de TikTok.</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Rétablir&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Rien à rétablir</translation>
    </message>
</context>
<context>
    <name>UploadStatus</name>
    <message numerus="yes">
        <source>Sending %n video(s): %1 %</source>
        <translation>
            <numerusform>Envoi de %n vidéo&#xa0;: %1&#xa0;%</numerusform>
            <numerusform>Envoi de %n vidéos&#xa0;: %1&#xa0;%</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending “%1” to %2 (%3): %4 % (%5 MB of %6 MB)</source>
        <translation>Envoi de «&#xa0;%1&#xa0;» vers %2 (%3)&#xa0;: %4&#xa0;% (%5&#xa0;Mo sur %6&#xa0;Mo)</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>free slot · %1</source>
        <extracomment>the narrowest a chip gets side by side: its time and a few letters of its title</extracomment>
        <translation>créneau libre · %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to ESS Planner</source>
        <translation>Bienvenue dans ESS Planner</translation>
    </message>
    <message>
        <source>who your association is: its name, logo and time zone;</source>
        <translation>qui est votre association&#xa0;: son nom, son logo et son fuseau horaire&#x202f;;</translation>
    </message>
    <message>
        <source>the people your posts speak to (personas);</source>
        <translation>les personnes à qui vos publications s’adressent (personas)&#x202f;;</translation>
    </message>
    <message>
        <source>what your posts are for (objectives and their indicators);</source>
        <translation>à quoi servent vos publications (objectifs et leurs indicateurs)&#x202f;;</translation>
    </message>
    <message>
        <source>a first account to publish on, or a test account;</source>
        <translation>un premier compte où publier, ou un compte d’essai&#x202f;;</translation>
    </message>
    <message>
        <source>publishing while the window is closed.</source>
        <translation>la publication quand la fenêtre est fermée.</translation>
    </message>
    <message>
        <source>A few steps set up your workspace:</source>
        <translation>Quelques étapes préparent votre espace de travail&#xa0;:</translation>
    </message>
    <message>
        <source>Every step can be skipped and done later from the menus. You can come back to this assistant at any time: Help › Start again.</source>
        <translation>Chaque étape peut être passée et faite plus tard depuis les menus. Vous pouvez revenir à cet assistant à tout moment&#xa0;: Aide › Recommencer l’accueil.</translation>
    </message>
    <message>
        <source>Just looking? “Load the example workspace” fills the calendar with the month of an association fighting energy poverty, on test accounts that publish nothing.</source>
        <translation>Vous voulez juste regarder&#x202f;? « Charger l’espace d’exemple » remplit le calendrier avec le mois d’une association qui lutte contre la précarité énergétique, sur des comptes d’essai qui ne publient rien.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw the consent of %1</source>
        <translation>Retirer le consentement de %1</translation>
    </message>
    <message>
        <source>From now on, no post may use a photo of %1 on the networks this consent covered.</source>
        <translation>Désormais, aucune publication ne peut utiliser une photo de %1 sur les réseaux que couvrait ce consentement.</translation>
    </message>
    <message>
        <source>How the withdrawal was asked (letter, email, in person…), for the record</source>
        <translation>Comment le retrait a été demandé (lettre, courriel, de vive voix…), pour la trace</translation>
    </message>
    <message>
        <source>&amp;Withdraw the consent</source>
        <translation>&amp;Retirer le consentement</translation>
    </message>
    <message>
        <source>The consent is withdrawn; the register keeps the record of when and why.</source>
        <translation>Le consentement est retiré&#x202f;; le registre garde la trace du moment et du motif.</translation>
    </message>
    <message>
        <source>Delete from the network</source>
        <translation>Supprimer du réseau</translation>
    </message>
    <message>
        <source>Delete “%1” from %2? It disappears from the network for good.</source>
        <translation>Supprimer « %1 » de %2&#x202f;? Elle disparaît du réseau pour de bon.</translation>
    </message>
    <message>
        <source>“%1” was deleted from %2.</source>
        <translation>« %1 » a été supprimée de %2.</translation>
    </message>
</context>
</TS>
