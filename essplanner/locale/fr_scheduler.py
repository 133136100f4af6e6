"""French messages of the publishing service and of ``essplanner service``."""

CATALOG: dict[str, str] = {
    # essplanner service
    "publish scheduled posts without the desktop app":
        "publier les messages planifiés sans l’application de bureau",
    "publish what is due now, wait for the sends, then exit (for cron or a systemd timer)":
        "publier ce qui est dû maintenant, attendre la fin des envois, puis quitter (pour cron ou un minuteur systemd)",
    "with --once: print the results as JSON":
        "avec --once : afficher le résultat en JSON",
    "published {published}, to retry later {retry}, failed {failed}, unconfirmed {unconfirmed}, missed {missed}":
        "publiés {published}, à réessayer plus tard {retry}, en échec {failed}, non confirmés {unconfirmed}, manqués {missed}",
    # essplanner target
    "one post on one account": "un message sur un compte",
    "mark a target as published (checked on the platform)":
        "marquer une cible comme publiée (vérifiée sur la plateforme)",
    "target id (see post show --json)": "numéro de la cible (voir post show --json)",
    "address of the post on the platform": "adresse du message sur la plateforme",
    # outcomes
    "Not sent: {problems}": "Non envoyé : {problems}",
    "The {platform} plugin failed: {error}": "Le module {platform} a échoué : {error}",
    "An earlier attempt may have published this post.":
        "Une tentative précédente a peut-être déjà publié ce message.",
    "The publishing service stopped while sending this post.":
        "Le service de publication s’est arrêté pendant l’envoi de ce message.",
    "{stopped} Checking whether it went out: {error}":
        "{stopped} Vérification en cours pour savoir s’il est parti : {error}",
    "{what} It cannot be told whether the post was published ({detail}): check the account, then mark it as published or retry.":
        "{what} Impossible de savoir si le message a été publié ({detail}) : vérifiez sur le compte, puis marquez-le comme publié ou réessayez.",
    "Gave up after {count} attempts: {error}": "Abandon après {count} tentatives : {error}",
    "Internal error while sending ({error}): check the account, then mark the post as published or retry.":
        "Erreur interne pendant l’envoi ({error}) : vérifiez sur le compte, puis marquez le message comme publié ou réessayez.",
    # missed, waiting
    "Not sent: it was due at {due} but no publishing service was running until {now}, more than the {grace} minutes allowed. Publish it now, reschedule it or cancel it.":
        "Non envoyé : il devait partir le {due}, mais aucun service de publication n’a tourné avant le {now}, au-delà des {grace} minutes de tolérance. Publiez-le maintenant, replanifiez-le ou annulez-le.",
    "Waiting: the account {account} must be reconnected ({reason}).":
        "En attente : le compte {account} doit être reconnecté ({reason}).",
    "Waiting: the account {account} is disabled.":
        "En attente : le compte {account} est désactivé.",
}
