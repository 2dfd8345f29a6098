import io

import django_filters
import django_tables2 as tables
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from stimulans.lib import cells, numbers
from stimulans.organisations.models import County

from .models import Allocation


class AllocationTable(tables.Table):
    code = tables.Column(accessor="organisation__code", verbose_name=_("Kod"))
    organisation = tables.Column(accessor="organisation__name", verbose_name=_("Mottagare"))
    county = tables.Column(accessor="organisation__county__name", verbose_name=_("Län"))
    weight = tables.Column(
        verbose_name=_("Underlag"), attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )
    amount_sek = tables.Column(
        verbose_name=_("Belopp (kr)"), attrs={"td": {"class": "num"}, "th": {"class": "num"}}
    )

    class Meta:
        model = Allocation
        fields = ("code", "organisation", "county", "weight", "amount_sek")
        order_by = ("code",)
        template_name = "django_tables2/table.html"
        attrs = {"class": "allocations"}

    def render_weight(self, value):
        return numbers.decimal(value)

    def value_weight(self, value):
        return value

    def render_amount_sek(self, value):
        return numbers.sek(value)

    def value_amount_sek(self, value):
        return value


class AllocationFilter(django_filters.FilterSet):
    county = django_filters.ModelChoiceFilter(
        field_name="organisation__county",
        queryset=County.objects.all(),
        label=_("Län"),
        empty_label=_("Alla län"),
    )

    class Meta:
        model = Allocation
        fields = ["county"]


EXPORT_FORMATS = ("csv", "xlsx")


def export_table(table, fmt):
    """`table` (a django-tables2 table, its `value_*` figures) as CSV or Excel bytes. Every cell
    goes through `lib.cells`: names are written as text, never as a formula; figures in CSV as
    Swedish text (a file to read, not an import format: 1 234 567, 13 730,5), in Excel as
    numbers with a number format (whole numbers with groups, decimals with a decimal comma)."""
    header, *rows = [list(row) for row in table.as_values()]
    if fmt == "csv":
        return cells.csv_bytes(header, [[cells.number_text(v) for v in row] for row in rows])
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = cells.sheet_title(gettext("Fördelning"))
    cells.append_row(sheet, header)
    for row in rows:
        cells.append_row(sheet, row, [cells.number_format(v) for v in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
