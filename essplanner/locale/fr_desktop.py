"""French messages of packaging and the desktop launcher (``essplanner desktop``)."""

CATALOG: dict[str, str] = {
    "add or remove ESS Planner in the desktop's menu":
        "ajouter ou retirer ESS Planner du menu du bureau",
    "add the launcher and the icon for the current user (runs this essplanner)":
        "ajouter le lanceur et l’icône pour l’utilisateur courant (lance cet essplanner)",
    "remove the launcher and the icon": "retirer le lanceur et l’icône",
    "'essplanner desktop' is for Linux desktops; on Windows and macOS the installer adds "
    "ESS Planner to the menu.":
        "« essplanner desktop » est pour les bureaux Linux ; sous Windows et macOS, "
        "l’installateur ajoute ESS Planner au menu.",
    "This installation of ESS Planner lacks its desktop files ({path}); reinstall it.":
        "Il manque à cette installation d’ESS Planner ses fichiers de bureau ({path}) ; "
        "réinstallez-la.",
    "Launcher updated: {path}": "Lanceur mis à jour : {path}",
    "Launcher installed: {path}": "Lanceur installé : {path}",
    "It opens: {command}": "Il ouvre : {command}",
    "Icon installed under {folder}": "Icône installée dans {folder}",
    "ESS Planner is in your desktop's menu (log out and in if it does not show yet).":
        "ESS Planner est dans le menu de votre bureau (fermez puis rouvrez votre session s’il "
        "n’y apparaît pas encore).",
    "Nothing to remove: no launcher in {folder}.": "Rien à retirer : aucun lanceur dans {folder}.",
    "Removed the launcher and the icon ({count} files).":
        "Lanceur et icône retirés ({count} fichiers).",
}
