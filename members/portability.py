"""The organisations' part of the site export (``portability``).

What goes out: the organisations without any personal data – name, kind, official
municipality key, whether active, since when, and their e-mail domains. Members,
memberships and membership requests stay behind.
"""

from portability import formats
from portability.context import ExportContext, ImportContext, read_json
from portability.parts import Part

from .models import Organisation, OrganisationDomain


class OrganisationsPart(Part):
    key = "organisations"
    order = 10
    counts = ("organisations",)
    paths = (formats.ORGANISATIONS_FILE,)
    database_label = "Organisationen"

    def export(self, context: ExportContext) -> None:
        records = [
            {
                "name": org.name,
                "kind": org.kind,
                "ags": org.ags,
                "active": org.active,
                "created_at": formats.timestamp(org.created_at),
                "domains": [domain.domain for domain in org.domains.all()],
            }
            for org in Organisation.objects.prefetch_related("domains").order_by("name")
        ]
        formats.write_json(context.folder / formats.ORGANISATIONS_FILE, records)
        context.count("organisations", len(records))

    def has_content(self) -> bool:
        return Organisation.objects.exists()

    def import_(self, context: ImportContext) -> None:
        for record in read_json(context.folder / formats.ORGANISATIONS_FILE):
            org = Organisation.objects.create(
                name=record["name"], kind=record["kind"], ags=record["ags"], active=record["active"]
            )
            Organisation.objects.filter(pk=org.pk).update(
                created_at=formats.parse_timestamp(record["created_at"])
            )
            for domain in record["domains"]:
                OrganisationDomain.objects.create(organisation=org, domain=domain)
            context.organisations[org.name] = org
