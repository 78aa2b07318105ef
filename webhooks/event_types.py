"""Every event a subscription may ask for, with its Vietnamese label for the admin."""

KINDS = ("product", "producer", "story")
PAGE_ACTIONS = ("published", "updated", "unpublished", "deleted")

EVENT_TYPES = {
    **{
        f"{kind}.{action}": label
        for kind, kind_label in (("product", "sản phẩm"), ("producer", "chủ thể"), ("story", "câu chuyện"))
        for action, label in (
            ("published", f"Xuất bản {kind_label}"),
            ("updated", f"Cập nhật {kind_label}"),
            ("unpublished", f"Ngừng xuất bản {kind_label}"),
            ("deleted", f"Xoá {kind_label}"),
        )
    },
    "certificate.expired": "Chứng nhận OCOP hết hiệu lực",
    "certificate.revoked": "Chứng nhận OCOP bị thu hồi",
}
EVENT_CHOICES = list(EVENT_TYPES.items())


def unknown_event_types(names) -> list[str]:
    return [name for name in names if name not in EVENT_TYPES]
