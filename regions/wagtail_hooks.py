"""Regions in the admin: browsable lists, and a searchable ward chooser.

A plain <select> of 3,321 wards is unusable on a phone and heavy to render,
so every ward field in the admin opens a chooser filtered by province and by
name typed with or without accents.
"""

from django import forms
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.choosers import SnippetChooserViewSet, SnippetViewSet
from core.text import name_key

from .models import EconomicRegion, FormerProvince, Province, Ward


class WardFilterForm(BaseFilterForm):
    q = forms.CharField(
        label="Tên xã, phường",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Ví dụ: krong no"}),
    )
    province = forms.ModelChoiceField(Province.objects.all(), required=False, label="Tỉnh, thành phố")

    def filter(self, objects):
        objects = super().filter(objects).select_related("province")
        if not self.is_valid():
            return objects
        query, province = self.cleaned_data.get("q"), self.cleaned_data.get("province")
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(name_key__contains=name_key(query))
        if province:
            objects = objects.filter(province=province)
        return objects


class WardChooseView(ChooseView):
    filter_form_class = WardFilterForm


class WardChooseResultsView(ChooseResultsView):
    filter_form_class = WardFilterForm


class WardChooserViewSet(SnippetChooserViewSet):
    choose_view_class = WardChooseView
    choose_results_view_class = WardChooseResultsView


class WardViewSet(SnippetViewSet):
    model = Ward
    icon = "site"
    menu_label = "Xã, phường"
    chooser_viewset_class = WardChooserViewSet
    list_display = ["name", "province", "division_type", "latitude", "longitude"]
    list_filter = ["province"]
    search_fields = ["name", "name_key"]
    search_backend_name = None  # plain database lookups: wards are not in the search index

    def get_queryset(self, request):
        return Ward.objects.select_related("province")


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "site"
    menu_label = "Tỉnh, thành phố"
    list_display = ["name", "code", "region"]
    list_filter = ["region"]


class FormerProvinceViewSet(SnippetViewSet):
    model = FormerProvince
    icon = "history"
    menu_label = "Tỉnh cũ (trước 7/2025)"
    list_display = ["name", "code", "successor"]


class EconomicRegionViewSet(SnippetViewSet):
    model = EconomicRegion
    icon = "globe"
    menu_label = "Vùng kinh tế - xã hội"
    list_display = ["name", "name_en"]


class RegionsGroup(SnippetViewSetGroup):
    items = (EconomicRegionViewSet, ProvinceViewSet, WardViewSet, FormerProvinceViewSet)
    menu_icon = "site"
    menu_label = "Đơn vị hành chính"
    menu_name = "regions"


register_snippet(RegionsGroup)
