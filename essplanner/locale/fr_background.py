"""French messages of background publishing (essplanner/services/background.py)."""

CATALOG: dict[str, str] = {
    "an ESS Planner window is already publishing for this workspace (pid {pid})":
        "une fenêtre d’ESS Planner publie déjà pour cet espace de travail (pid {pid})",
    "another publishing service is already running for this workspace (pid {pid})":
        "un autre service de publication tourne déjà pour cet espace de travail (pid {pid})",
    "another publishing service is already running for this workspace":
        "un autre service de publication tourne déjà pour cet espace de travail",
    "The background publishing service cannot be started: {error}":
        "Le service de publication en arrière-plan ne peut pas démarrer : {error}",
    "The background publishing service (pid {pid}) cannot be stopped: {error}":
        "Le service de publication en arrière-plan (pid {pid}) ne peut pas être arrêté : {error}",
    "systemctl --user {command} failed: {error}":
        "systemctl --user {command} a échoué : {error}",
}
