"""What describes the files: the Frictionless data package, the DCAT-AP catalogue and the
schema.org ``Dataset`` on the page, all drawn from ``datasets`` and ``fields``.

Licence: Creative Commons Attribution 4.0 (CC BY 4.0). Anyone — a marketplace, a provincial
system, a researcher — may copy, combine and build on the data, commercially too, as long as they
say where it comes from. Attribution is what the programme needs: a star rating is worth something
because its source is known. CC0 would drop that; a share-alike licence (ODbL, CC BY-SA) would
keep marketplaces from mixing the data with their own listings. CC BY 4.0 is what most national
open-data portals use by default, and it is written for databases too (it covers sui generis
database rights).
"""

import datetime

from django.conf import settings
from django.urls import reverse

from .datasets import DATASETS, FORMATS, Dataset, Format

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
# The canonical IRI of the licence, as DCAT-AP and schema.org want it.
LICENCE_IRI = "http://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "Cổng sản phẩm OCOP Việt Nam"
PACKAGE_NAME = "ocop-viet-nam"
PACKAGE_TITLE = "Dữ liệu mở sản phẩm và chủ thể OCOP Việt Nam"
PACKAGE_DESCRIPTION = (
    "Dữ liệu mở của Chương trình Mỗi xã một sản phẩm (OCOP): các sản phẩm đạt 3 đến 5 sao và các chủ thể "
    "sản xuất đang được giới thiệu công khai trên cổng, cập nhật theo từng lần xuất bản."
)


def absolute(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def file_url(filename: str) -> str:
    return absolute(reverse("opendata_file", args=[filename]))


def page_url() -> str:
    return absolute(reverse("open_data"))


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


# --- Frictionless Data Package v2 -----------------------------------------------------------------------


def table_schema(dataset: Dataset) -> dict:
    schema = {
        "fields": [field.schema() for field in dataset.fields],
        "missingValues": [""],
        "primaryKey": ["id"],
    }
    if dataset.foreign_keys:
        schema["foreignKeys"] = [dict(key) for key in dataset.foreign_keys]
    return schema


def data_package(updated_at: datetime.datetime | None = None) -> dict:
    """``datapackage.json``: the CSV files (relative paths, beside it) with their table schemas."""
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "homepage": page_url(),
        "licenses": [dict(LICENCE)],
        "sources": [{"title": PUBLISHER, "path": absolute("/")}],
        "keywords": sorted({keyword for dataset in DATASETS for keyword in dataset.keywords}),
        "resources": [
            {
                "name": dataset.name,
                "type": "table",
                "path": dataset.filename(FORMATS[0]),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": dataset.title,
                "description": dataset.description,
                "licenses": [dict(LICENCE)],
                "dialect": {"header": True, "delimiter": ",", "quoteChar": '"', "lineTerminator": "\r\n"},
                "schema": table_schema(dataset),
            }
            for dataset in DATASETS
        ],
    }
    if updated_at:
        package["created"] = _iso(updated_at)
    return package


# --- DCAT-AP ----------------------------------------------------------------------------------------------

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"


def _text(value: str) -> dict:
    return {"@value": value, "@language": "vi"}


def _publisher() -> dict:
    return {"@id": absolute("/"), "@type": "foaf:Agent", "foaf:name": _text(PUBLISHER)}


def _distribution(dataset: Dataset, fmt: Format, modified: dict | None) -> dict:
    url = file_url(dataset.filename(fmt))
    distribution = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _text(f"{dataset.title} – {fmt.title}"),
        "dcat:accessURL": {"@id": page_url()},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": IANA + fmt.media_type},
        "dct:format": {"@id": f"{EU}file-type/{fmt.eu_file_type}"},
        "dct:license": {"@id": LICENCE_IRI},
    }
    if fmt.extension == "csv":
        distribution["dct:conformsTo"] = {"@id": file_url("datapackage.json")}
    if modified:
        distribution["dct:modified"] = modified
    return distribution


def dcat_catalogue(updated_at: datetime.datetime | None = None) -> dict:
    """``catalog.jsonld``: a ``dcat:Catalog`` with one ``dcat:Dataset`` per dataset and one
    ``dcat:Distribution`` per file, with absolute download URLs."""
    modified = {"@value": _iso(updated_at), "@type": "xsd:dateTime"} if updated_at else None
    datasets = []
    for dataset in DATASETS:
        entry = {
            "@id": f"{page_url()}#{dataset.name}",
            "@type": "dcat:Dataset",
            "dct:identifier": f"{PACKAGE_NAME}/{dataset.name}",
            "dct:title": _text(dataset.title),
            "dct:description": _text(dataset.description),
            "dcat:keyword": [_text(keyword) for keyword in dataset.keywords],
            "dct:publisher": _publisher(),
            "dct:license": {"@id": LICENCE_IRI},
            "dct:language": {"@id": f"{EU}language/VIE"},
            "dct:spatial": {"@id": f"{EU}country/VNM"},
            "dct:accrualPeriodicity": {"@id": f"{EU}frequency/UPDATE_CONT"},
            "dcat:landingPage": {"@id": page_url()},
            "dcat:contactPoint": {
                "@type": "vcard:Organization",
                "vcard:fn": PUBLISHER,
                "vcard:hasURL": {"@id": absolute("/")},
            },
            "dcat:distribution": [_distribution(dataset, fmt, modified) for fmt in FORMATS],
        }
        if modified:
            entry["dct:modified"] = modified
        datasets.append(entry)
    catalogue = {
        "@context": DCAT_CONTEXT,
        "@id": file_url("catalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": _text(PACKAGE_TITLE),
        "dct:description": _text(PACKAGE_DESCRIPTION),
        "dct:publisher": _publisher(),
        "dct:license": {"@id": LICENCE_IRI},
        "dct:language": {"@id": f"{EU}language/VIE"},
        "foaf:homepage": {"@id": page_url()},
        "dcat:dataset": datasets,
    }
    if modified:
        catalogue["dct:modified"] = modified
    return catalogue


# --- schema.org, on the page ------------------------------------------------------------------------------


def schema_org_datasets(updated_at: datetime.datetime | None = None) -> list[dict]:
    """One schema.org ``Dataset`` per dataset, with a ``DataDownload`` per file (Google Dataset Search)."""
    publisher = {"@type": "Organization", "name": PUBLISHER, "url": absolute("/")}
    items = []
    for dataset in DATASETS:
        item = {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "@id": f"{page_url()}#{dataset.name}",
            "name": dataset.title,
            "description": dataset.description,
            "url": page_url(),
            "inLanguage": "vi",
            "keywords": list(dataset.keywords),
            "license": LICENCE_IRI,
            "isAccessibleForFree": True,
            "creator": publisher,
            "publisher": publisher,
            "spatialCoverage": {"@type": "Country", "name": "Việt Nam"},
            "includedInDataCatalog": {"@type": "DataCatalog", "name": PACKAGE_TITLE, "url": file_url("catalog.jsonld")},
            "variableMeasured": [field.title for field in dataset.fields],
            "distribution": [
                {
                    "@type": "DataDownload",
                    "name": f"{dataset.title} – {fmt.title}",
                    "encodingFormat": fmt.media_type,
                    "contentUrl": file_url(dataset.filename(fmt)),
                }
                for fmt in FORMATS
            ],
        }
        if updated_at:
            item["dateModified"] = _iso(updated_at)
        items.append(item)
    return items
