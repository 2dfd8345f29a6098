from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role

from .forms import PopulationUploadForm
from .models import PopulationDataset
from .population import PartialPopulationError, PopulationImportError, import_population


@role_required(Role.NATIONAL_ADMIN)
def population(request):
    form = PopulationUploadForm()
    status = 200
    errors = []
    if request.method == "POST":
        form = PopulationUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                datasets = import_population(
                    upload.read(),
                    source=form.cleaned_data["source"],
                    official=form.cleaned_data["official"],
                    filename=upload.name,
                    user=request.user,
                    replace_year=form.cleaned_data["replace_year"],
                )
            except PopulationImportError as exc:
                errors = exc.errors
                if isinstance(exc, PartialPopulationError):
                    errors = [
                        *errors,
                        _(
                            "Filen täcker bara en del av landet. Vill du ersätta årets alla "
                            "uppgifter med filens, kryssa i ”Ersätt hela året” och importera "
                            "igen."
                        ),
                    ]
            else:
                messages.success(
                    request,
                    _("Befolkningsuppgifter för %(years)s är importerade.")
                    % {"years": ", ".join(str(d.year) for d in datasets)},
                )
                return redirect("organisations:population")
        status = 400
    return render(
        request,
        "organisations/population.html",
        {
            "form": form,
            "errors": errors,
            "datasets": PopulationDataset.objects.all(),
        },
        status=status,
    )
