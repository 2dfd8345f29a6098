"""The DCAT-AP-SE catalogue: RDF that parses, with the profile's mandatory classes and
properties, a dataset per published year and table, never an unpublished year."""

from django.urls import reverse
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from stimulans.analysis import snapshot
from stimulans.funds.models import Agreement

from .. import catalogue
from ..models import LICENCES, OpenDataSettings
from .helpers import OpenDataTestCase

CC_BY = URIRef(LICENCES["cc-by-4.0"])
CC0 = URIRef(LICENCES["cc0"])


class CatalogueTest(OpenDataTestCase):
    def graph(self, fmt="ttl"):
        response = self.client.get(reverse("opendata:catalogue", args=[fmt]))
        self.assertEqual(response.status_code, 200)
        rdf_format = {"ttl": "turtle", "rdf": "xml"}[fmt]
        content_type = {"ttl": "text/turtle", "rdf": "application/rdf+xml"}[fmt]
        self.assertIn(content_type, response["Content-Type"])
        return Graph().parse(data=response.content, format=rdf_format)

    def languages(self, graph, subject, predicate):
        return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}

    def datasets_by_year(self, graph):
        years = {}
        for dataset in graph.subjects(ns.RDF.type, ns.DCAT.Dataset):
            for period in graph.objects(dataset, ns.DCTERMS.temporal):
                start = graph.value(period, ns.DCAT.startDate)
                years.setdefault(str(start)[:4], []).append(dataset)
        return years

    def test_mandatory_classes_and_properties(self):
        for fmt in ("ttl", "rdf"):
            g = self.graph(fmt)
            catalogs = list(g.subjects(ns.RDF.type, ns.DCAT.Catalog))
            self.assertEqual(len(catalogs), 1)
            catalog = catalogs[0]
            self.assertEqual(self.languages(g, catalog, ns.DCTERMS.title), {"sv", "en"})
            self.assertEqual(self.languages(g, catalog, ns.DCTERMS.description), {"sv", "en"})
            self.assertEqual(g.value(catalog, ns.DCTERMS.license), CC_BY)
            publisher = g.value(catalog, ns.DCTERMS.publisher)
            self.assertIn((publisher, ns.RDF.type, ns.FOAF.Agent), g)
            name = str(g.value(publisher, ns.FOAF.name))
            self.assertEqual(name, "Sveriges Kommuner och Regioner")
            datasets = set(g.objects(catalog, ns.DCAT.dataset))
            self.assertEqual(datasets, set(g.subjects(ns.RDF.type, ns.DCAT.Dataset)))
            self.assertEqual(len(datasets), 5)  # four tables of 2020, the indicators of all years
            for dataset in datasets:
                self.assertEqual(self.languages(g, dataset, ns.DCTERMS.title), {"sv", "en"})
                self.assertEqual(self.languages(g, dataset, ns.DCTERMS.description), {"sv", "en"})
                self.assertEqual(g.value(dataset, ns.DCTERMS.publisher), publisher)
                self.assertIn((dataset, ns.DCAT.theme, catalogue.THEME_HEAL), g)
                self.assertIsNotNone(g.value(dataset, ns.DCTERMS.issued))
                self.assertIsNotNone(g.value(dataset, ns.DCTERMS.modified))
                contact = g.value(dataset, ns.DCAT.contactPoint)
                self.assertIn((contact, ns.RDF.type, catalogue.VCARD.Organization), g)
                self.assertTrue(g.value(contact, catalogue.VCARD.fn))
                email = g.value(contact, catalogue.VCARD.hasEmail)
                self.assertEqual(email, URIRef("mailto:info@skr.se"))
                distributions = list(g.objects(dataset, ns.DCAT.distribution))
                self.assertTrue(distributions)
                for dist in distributions:
                    self.assertIn((dist, ns.RDF.type, ns.DCAT.Distribution), g)
                    url = g.value(dist, ns.DCAT.accessURL)
                    self.assertEqual(url, g.value(dist, ns.DCAT.downloadURL))
                    self.assertTrue(g.value(dist, ns.DCTERMS.format))
                    self.assertTrue(g.value(dist, ns.DCAT.mediaType))
                    self.assertEqual(g.value(dist, ns.DCTERMS.license), CC_BY)

    def test_distributions_point_at_the_files(self):
        g = self.graph()
        urls = {str(u) for u in g.objects(None, ns.DCAT.downloadURL)}
        base = "http://testserver/oppna-data/"
        expected = {
            f"{base}2020/{name}.{fmt}"
            for name in ("indikatorer", "kategorier", "medel", "stodbehov")
            for fmt in ("csv", "json")
        } | {f"{base}2020/indikatorer.jsonstat.json", f"{base}indikatorer.jsonstat.json"}
        self.assertEqual(urls, expected)
        for url in urls:
            response = self.client.get(url.removeprefix("http://testserver"))
            self.assertEqual(response.status_code, 200, url)
        modified = {str(o) for o in g.objects(None, ns.DCTERMS.modified)}
        self.assertEqual(modified, {self.version.published_at.isoformat()})

    def count_by_year(self, graph):
        return {year: len(datasets) for year, datasets in self.datasets_by_year(graph).items()}

    def test_one_dataset_per_published_year_and_table(self):
        self.assertEqual(self.count_by_year(self.graph()), {"2020": 4})
        self.assertNotIn("2019", self.graph().serialize(format="turtle"))
        snapshot.publish(Agreement.objects.get(year=2019), self.anna)
        self.assertEqual(self.count_by_year(self.graph()), {"2019": 4, "2020": 4})
        snapshot.unpublish(self.agreement)
        g = self.graph()
        self.assertEqual(self.count_by_year(g), {"2019": 4})
        self.assertNotIn("2020/", g.serialize(format="turtle"))

    def test_nothing_published_is_an_empty_catalogue(self):
        snapshot.unpublish(self.agreement)
        g = self.graph()
        self.assertEqual(len(list(g.subjects(ns.RDF.type, ns.DCAT.Catalog))), 1)
        self.assertEqual(list(g.subjects(ns.RDF.type, ns.DCAT.Dataset)), [])
        self.assertEqual(self.client.get(reverse("opendata:jsonstat")).status_code, 404)

    def test_licence_and_contact_set_by_the_administrator(self):
        settings = OpenDataSettings.load()
        settings.licence = "cc0"
        settings.contact_name = "Öppna data, SKR"
        settings.contact_email = "oppnadata@example.se"
        settings.save()
        g = self.graph()
        self.assertEqual(set(g.objects(None, ns.DCTERMS.license)), {CC0})
        contact = next(g.subjects(ns.RDF.type, catalogue.VCARD.Organization))
        self.assertEqual(str(g.value(contact, catalogue.VCARD.fn)), "Öppna data, SKR")
        email = g.value(contact, catalogue.VCARD.hasEmail)
        self.assertEqual(email, URIRef("mailto:oppnadata@example.se"))
        self.assertEqual(OpenDataSettings.objects.count(), 1)
        self.assertContains(self.client.get(reverse("opendata:index")), "CC0 1.0")
