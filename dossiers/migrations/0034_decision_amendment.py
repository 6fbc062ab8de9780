# Đính chính quyết định (issue 18): the amending decision, what it corrected on each award, the corrected values.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0033_report_career'),
    ]

    operations = [
        migrations.CreateModel(
            name='AwardCorrection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changes', models.JSONField(default=list, verbose_name='nội dung đính chính')),
                ('record_updated', models.BooleanField(default=False, help_text='Tên đã được sửa cả trong hồ sơ cá nhân, tập thể, hộ gia đình.', verbose_name='đã sửa cả hồ sơ')),
            ],
            options={
                'verbose_name': 'nội dung đính chính',
                'verbose_name_plural': 'nội dung đính chính',
                'ordering': ['amendment__date', 'pk'],
            },
        ),
        migrations.RemoveConstraint(
            model_name='decision',
            name='decision_number_per_year',
        ),
        migrations.AddField(
            model_name='award',
            name='corrected_form',
            field=models.CharField(blank=True, editable=False, max_length=300, verbose_name='hình thức theo quyết định đính chính'),
        ),
        migrations.AddField(
            model_name='award',
            name='corrected_name',
            field=models.CharField(blank=True, editable=False, max_length=300, verbose_name='tên theo quyết định đính chính'),
        ),
        migrations.AddField(
            model_name='award',
            name='corrected_unit',
            field=models.CharField(blank=True, editable=False, max_length=500, verbose_name='chức vụ, đơn vị theo quyết định đính chính'),
        ),
        migrations.AddField(
            model_name='decision',
            name='amends',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='amendments', to='dossiers.decision', verbose_name='đính chính quyết định'),
        ),
        migrations.AlterField(
            model_name='decision',
            name='kind',
            field=models.CharField(choices=[('own', 'Quyết định của cơ quan'), ('higher', 'Quyết định của cấp trên'), ('revoke', 'Quyết định thu hồi khen thưởng'), ('amend', 'Quyết định đính chính')], default='own', max_length=10, verbose_name='loại'),
        ),
        migrations.AddConstraint(
            model_name='decision',
            constraint=models.UniqueConstraint(condition=models.Q(('kind', 'own'), models.Q(('higher_authority', ''), ('kind__in', ['revoke', 'amend'])), _connector='OR'), fields=('issuer', 'year', 'number'), name='decision_number_per_year'),
        ),
        migrations.AddField(
            model_name='awardcorrection',
            name='amendment',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='corrections', to='dossiers.decision', verbose_name='quyết định đính chính'),
        ),
        migrations.AddField(
            model_name='awardcorrection',
            name='award',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='corrections', to='dossiers.award', verbose_name='khen thưởng'),
        ),
        migrations.AddConstraint(
            model_name='awardcorrection',
            constraint=models.UniqueConstraint(fields=('amendment', 'award'), name='one_correction_per_award'),
        ),
    ]
