"""Working as a team in the window: who is using this computer (:mod:`.identity`), the
posts waiting for review and the approvers' notification (:mod:`.review`), and what each
person's role lets them do (:mod:`.roles`).

On a laptop alone, one person holds every role: nothing here takes anything away from her.
"""
