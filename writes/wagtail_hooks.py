"""Admin wiring: who may make API tokens (Wagtail's own "API tokens" screen, under Settings).

Editors and producer accounts make, rename and revoke their *own* tokens: Wagtail lets only a user
who may change other users manage theirs (superusers). Reviewers write nothing, so make none.
"""

from wagtail import hooks

from accounts.roles import EDITORS, PRODUCERS, grant
from core.extension_points import ROLES

TOKEN_PERMISSIONS = ("wagtailcore.add_apitoken", "wagtailcore.change_apitoken", "wagtailcore.delete_apitoken")


@hooks.register(ROLES)
def token_roles(groups, tree):
    for name in (EDITORS, PRODUCERS):
        grant(groups[name], *TOKEN_PERMISSIONS)
