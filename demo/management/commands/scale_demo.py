from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.management.commands.load_demo import refuse_in_production
from portal.progress import bar
from strands.models import GuidancePage, MissionPage, PracticeExamplePage


class Command(BaseCommand):
    help = (
        "Vervielfacht die Demo-Inhalte für Last- und Mengentests (Standard: zehnfach): "
        "Kopien aller Leitbild-Kapitel, Handlungshilfen und guten Beispiele, veröffentlicht."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10, help="Zielmenge als Vielfaches.")

    def handle(self, *args, factor: int, **options):
        refuse_in_production()
        if factor < 2:
            raise CommandError("Der Faktor muss mindestens 2 sein.")
        created = 0
        steps = bar(self.stderr)
        for model in (MissionPage, GuidancePage, PracticeExamplePage):
            originals = list(model.objects.live().exclude(slug__contains="-kopie-"))
            copies = [
                (original, number) for original in originals for number in range(2, factor + 1)
            ]
            label = str(model._meta.verbose_name_plural)
            for original, number in steps(copies, label):
                parent = original.get_parent()
                slug = f"{original.slug}-kopie-{number}"
                if model.objects.child_of(parent).filter(slug=slug).exists():
                    continue
                with transaction.atomic():
                    original.copy(
                        to=parent,
                        update_attrs={"slug": slug, "title": f"{original.title} ({number})"},
                        keep_live=True,
                        log_action=None,
                    )
                created += 1
            self.stdout.write(f"{model._meta.verbose_name_plural}: {created} Kopien bisher.")
        self.stdout.write(self.style.SUCCESS(f"{created} Seiten angelegt (Faktor {factor})."))
