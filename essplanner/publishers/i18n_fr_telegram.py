"""French messages of the Telegram publisher."""

CATALOG: dict[str, str] = {
    # account fields
    "Bot token": "Jeton du bot",
    "Given by @BotFather when the bot is created (/newbot).":
        "Donné par @BotFather à la création du bot (/newbot).",
    "Channel": "Canal",
    "The channel's public @name, or its numeric id for a private channel. The bot must be an administrator allowed to post.":
        "Le @nom public du canal, ou son identifiant numérique pour un canal privé. Le bot doit en être administrateur avec le droit de publier.",
    "Bot API server": "Serveur Bot API",
    "Only for a self-hosted Bot API server.": "Seulement pour un serveur Bot API auto-hébergé.",
    # telegram.py
    "No bot token is stored for this Telegram account: reconnect it.":
        "Aucun jeton de bot n’est enregistré pour ce compte Telegram : reconnectez-le.",
    "The stored Telegram secret does not look like a bot token (digits, a colon, then letters): reconnect the account with the token given by @BotFather.":
        "Le secret Telegram enregistré ne ressemble pas à un jeton de bot (des chiffres, deux-points, puis des lettres) : reconnectez le compte avec le jeton donné par @BotFather.",
    "The Telegram account has no channel: set its channel (@name or -100... id) in the account settings.":
        "Le compte Telegram n’a pas de canal : indiquez son canal (@nom ou identifiant -100…) dans les réglages du compte.",
    "Telegram gave an unexpected answer ({status}).": "Telegram a donné une réponse inattendue ({status}).",
    "Telegram asks to slow down: {reason}": "Telegram demande de ralentir : {reason}",
    "The Telegram group became a supergroup with the id {chat}; the account now uses it.":
        "Le groupe Telegram est devenu un supergroupe d’identifiant {chat} ; le compte l’utilise désormais.",
    "Telegram refused the bot token ({reason}). Check the token given by @BotFather (and the server address, if you changed it), then reconnect.":
        "Telegram a refusé le jeton du bot ({reason}). Vérifiez le jeton donné par @BotFather (et l’adresse du serveur, si vous l’avez changée), puis reconnectez le compte.",
    "The bot may not post in {chat} ({reason}): add it to the channel as an administrator with the right to post messages.":
        "Le bot n’a pas le droit de publier dans {chat} ({reason}) : ajoutez-le au canal comme administrateur avec le droit de publier des messages.",
    "Telegram had a problem ({status}): {reason}": "Telegram a rencontré un problème ({status}) : {reason}",
    "Telegram does not know the channel {chat}: check its @name or id, and that the bot was added to it.":
        "Telegram ne connaît pas le canal {chat} : vérifiez son @nom ou son identifiant, et que le bot y a été ajouté.",
    "Telegram refused the message: {reason}": "Telegram a refusé le message : {reason}",
    "Telegram answered without the message: check the channel before sending again.":
        "Telegram a répondu sans le message : vérifiez le canal avant de renvoyer.",
    "Telegram gives bots no way to read a channel back, so it cannot be proven whether this message went out. Look at the channel, then mark it published or send it again.":
        "Telegram ne permet pas aux bots de relire un canal : impossible de prouver que ce message est parti. Regardez le canal, puis marquez-le comme publié ou renvoyez-le.",
    "The bot @{bot} is not an administrator of {chat}: it cannot post there yet.":
        "Le bot @{bot} n’est pas administrateur de {chat} : il ne peut pas encore y publier.",
    "The bot @{bot} is an administrator of {chat} without the right to post messages.":
        "Le bot @{bot} est administrateur de {chat} sans le droit de publier des messages.",
}
