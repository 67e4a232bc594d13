from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from conditions.models import ConditionSet


def conditionset_list(request):
    sets = ConditionSet.objects.visible_to(request.user).annotate(n_conditions=Count("conditions"))
    return render(request, "conditions/conditionset_list.html", {"sets": sets})


def conditionset_detail(request, pk):
    condition_set = get_object_or_404(ConditionSet.objects.visible_to(request.user), pk=pk)
    return render(request, "conditions/conditionset_detail.html", {
        "set": condition_set, "conditions": condition_set.conditions.all(),
    })
