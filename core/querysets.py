from django.db import models
from django.db.models import Q


class ProvinceQuerySet(models.QuerySet):
    def in_force_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )
