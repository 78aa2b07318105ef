"""Per-language format overrides (FORMAT_MODULE_PATH): Django's own locale formats win over the
settings, so a language whose formats disagree with the admin's dd/mm/yyyy is corrected here."""
