"""Places as the API names them: today's codes and names (after July 2025)."""


def province_ref(province) -> dict:
    return {"code": province.code, "name": province.name, "short_name": province.short_name, "slug": province.slug}


def region_ref(region) -> dict:
    return {"slug": region.slug, "name": region.name}
