"""Writing pages with API tokens: Wagtail's v3 API (preview) held to the admin's rules.

Wagtail 8 ships a read and write API (``wagtail.api.v3``) and its ``APIToken``. Its page
actions already ask the page's permission tester (``accounts.permissions``) and bind the
page's own admin form, but it also lets anonymous clients read under Wagtail's idea of
"public", offers moves, copies, deletes, snippets, images, documents, sites and redirects,
silently ignores fields a user's form does not carry, skips the admin's publish hook and
cannot submit to a workflow. This app closes those gaps: ``gate`` puts a rule in front of
every operation, ``submit`` adds the workflow submission, ``errors`` answers in Vietnamese.
"""
