"""The list's work order (most overdue first, closed items last) and its other orders,
read from indexes."""

import django.db.models.functions.comparison
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("feedback", "0014_delay_notice")]

    operations = [
        migrations.RemoveIndex(
            model_name='feedback',
            name='feedback_kind_idx',
        ),
        migrations.AddIndex(
            model_name='feedback',
            index=models.Index(fields=['kind', 'received_at'], name='feedback_kind_list_idx'),
        ),
        migrations.AddIndex(
            model_name='feedback',
            index=models.Index(models.Case(models.When(models.Q(('status__in', ('answered', 'closed'))), then=models.Value(2)), models.When(django.db.models.lookups.IsNull(models.Case(models.When(models.Q(models.Q(('status__in', ('answered', 'closed')), _negated=True), ('acknowledge_due__isnull', False), ('status', 'received')), then=models.F('acknowledge_due')), models.When(models.Q(('status__in', ('answered', 'closed')), _negated=True), then=django.db.models.functions.comparison.Coalesce('delayed_answer_due', 'answer_due')), default=None, output_field=models.DateField()), True), then=models.Value(1)), default=models.Value(0), output_field=models.IntegerField()), models.Case(models.When(models.Q(models.Q(('status__in', ('answered', 'closed')), _negated=True), ('acknowledge_due__isnull', False), ('status', 'received')), then=models.F('acknowledge_due')), models.When(models.Q(('status__in', ('answered', 'closed')), _negated=True), then=django.db.models.functions.comparison.Coalesce('delayed_answer_due', 'answer_due')), default=None, output_field=models.DateField()), models.OrderBy(models.F('received_at'), descending=True), models.OrderBy(models.F('id'), descending=True), name='feedback_work_order_idx'),
        ),
        migrations.AddIndex(
            model_name='feedback',
            index=models.Index(models.Case(models.When(models.Q(('status__in', ('answered', 'closed'))), then=models.Value(2)), models.When(django.db.models.lookups.IsNull(models.Case(models.When(models.Q(models.Q(('status__in', ('answered', 'closed')), _negated=True), ('acknowledge_due__isnull', False), ('status', 'received')), then=models.F('acknowledge_due')), models.When(models.Q(('status__in', ('answered', 'closed')), _negated=True), then=django.db.models.functions.comparison.Coalesce('delayed_answer_due', 'answer_due')), default=None, output_field=models.DateField()), True), then=models.Value(1)), default=models.Value(0), output_field=models.IntegerField()), models.OrderBy(models.Case(models.When(models.Q(models.Q(('status__in', ('answered', 'closed')), _negated=True), ('acknowledge_due__isnull', False), ('status', 'received')), then=models.F('acknowledge_due')), models.When(models.Q(('status__in', ('answered', 'closed')), _negated=True), then=django.db.models.functions.comparison.Coalesce('delayed_answer_due', 'answer_due')), default=None, output_field=models.DateField()), descending=True), models.OrderBy(models.F('received_at'), descending=True), models.OrderBy(models.F('id'), descending=True), name='feedback_work_order_late_idx'),
        ),
    ]
