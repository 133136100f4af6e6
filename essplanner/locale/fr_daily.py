"""French messages of daily use: published posts, stuck posts, test accounts (issue 18)."""

CATALOG: dict[str, str] = {
    "This post has already gone out on every account ticked; to publish it again, duplicate it.":
        "Cette publication est déjà parue sur tous les comptes cochés ; pour la republier, dupliquez-la.",
    "This post is being sent right now.": "Cette publication est en cours d’envoi.",
    "Nothing to publish: the post has gone out on every account it has, or has no account.":
        "Rien à publier : la publication est parue sur tous ses comptes, ou n’a aucun compte.",
    "count the posts of test accounts (nothing was sent) too":
        "compter aussi les publications des comptes de test (rien n’y a été envoyé)",
}
