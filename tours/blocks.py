"""A tour's scenes and their hotspots, as StreamField blocks (one JSON document per tour)."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import FormSafeStreamBlock


class HotspotKind:
    SCENE = "scene"
    INFO = "info"
    PRODUCT = "product"
    STORY = "story"
    CHOICES = [
        (SCENE, "Sang cảnh khác"),
        (INFO, "Thẻ thông tin"),
        (PRODUCT, "Liên kết tới sản phẩm"),
        (STORY, "Liên kết tới câu chuyện"),
    ]


class HotspotBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label="loại điểm", choices=HotspotKind.CHOICES, default=HotspotKind.INFO)
    label = blocks.CharBlock(label="nhãn", max_length=80)
    yaw = blocks.FloatBlock(label="hướng (độ)", min_value=-180, max_value=180)
    pitch = blocks.FloatBlock(label="góc ngẩng (độ)", min_value=-90, max_value=90)
    text = blocks.TextBlock(label="nội dung thẻ thông tin", required=False, max_length=600)
    target_scene = blocks.CharBlock(label="mã cảnh đích", required=False, max_length=60)
    product = blocks.PageChooserBlock(label="sản phẩm", page_type="catalogue.ProductPage", required=False)
    story = blocks.PageChooserBlock(label="câu chuyện", page_type="stories.StoryPage", required=False)

    REQUIRED_TARGET = {
        HotspotKind.SCENE: ("target_scene", "Chọn cảnh mà điểm này dẫn tới."),
        HotspotKind.INFO: ("text", "Viết nội dung cho thẻ thông tin."),
        HotspotKind.PRODUCT: ("product", "Chọn sản phẩm mà điểm này dẫn tới."),
        HotspotKind.STORY: ("story", "Chọn câu chuyện mà điểm này dẫn tới."),
    }

    class Meta:
        icon = "pick"
        label = "Điểm tương tác"

    def clean(self, value):
        value = super().clean(value)
        field, message = self.REQUIRED_TARGET[value["kind"]]
        if not value.get(field):
            raise blocks.StructBlockValidationError({field: ValidationError(message)})
        return value


class SceneBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        label="mã cảnh",
        max_length=60,
        help_text="Ngắn, không dấu, ví dụ vuon-bo: các điểm 'sang cảnh khác' dùng mã này.",
    )
    title = blocks.CharBlock(label="tên cảnh", max_length=120)
    panorama = SnippetChooserBlock("tours.Panorama", label="ảnh 360°")
    hotspots = blocks.ListBlock(HotspotBlock(), label="điểm tương tác", default=[])

    class Meta:
        icon = "globe"
        label = "Cảnh"

    def clean(self, value):
        value = super().clean(value)
        if value["key"] != slugify(value["key"]):
            raise blocks.StructBlockValidationError(
                {"key": ValidationError("Mã cảnh chỉ gồm chữ thường không dấu, số và dấu gạch ngang.")}
            )
        return value


class ScenesBlock(FormSafeStreamBlock):
    scene = SceneBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value]
        if len(keys) != len(set(keys)):
            raise blocks.StreamBlockValidationError(non_block_errors=["Mỗi cảnh cần một mã riêng."])
        errors = {}
        for index, child in enumerate(value):
            for hotspot in child.value["hotspots"]:
                if hotspot["kind"] == HotspotKind.SCENE and hotspot["target_scene"] not in keys:
                    errors[index] = ValidationError(
                        f"Điểm “{hotspot['label']}” dẫn tới cảnh “{hotspot['target_scene']}”, "
                        "không có trong chuyến tham quan này."
                    )
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
