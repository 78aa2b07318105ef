from .home import HomePage
from .producers import ProducerIndexPage, ProducerPage, ProducerType
from .products import ProductGalleryImage, ProductIndexPage, ProductMarketplaceLink, ProductPage
from .rating import CertificateStatus, OcopRating
from .taxonomy import Certification, Marketplace, ProductCategory

__all__ = [
    "CertificateStatus",
    "Certification",
    "HomePage",
    "Marketplace",
    "OcopRating",
    "ProducerIndexPage",
    "ProducerPage",
    "ProducerType",
    "ProductCategory",
    "ProductGalleryImage",
    "ProductIndexPage",
    "ProductMarketplaceLink",
    "ProductPage",
]
