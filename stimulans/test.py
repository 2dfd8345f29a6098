"""The base test case: users in several organisations and every role, healthchecks' way.

- `alice`: reporter, Stockholms kommun (0180) – "own organisation" in most tests
- `bob`: reporter, Botkyrka kommun (0127) – another organisation in the same county
- `charlie`: reporter, Uppsala kommun (0380) – another county
- `regina`: reporter, Region Stockholm (region 01)
- `cora`: county coordinator, Stockholms län (county 01)
- `otto`: county coordinator, Uppsala län (county 03)
- `anna`: analyst; `adam`: national administrator
"""

import re

from django.test import TestCase

from stimulans.accounts.models import Role, User
from stimulans.organisations.models import Organisation, OrganisationKind

PASSWORD = "test-password-1"


# Text that is a number in some written form: grouped (1 234), decimal (0.25, 0,25) or
# scientific (1.373E+4). A code such as 0180 is digits only and stays text on purpose.
_NUMBER_AS_TEXT = re.compile(
    r"-?\d{1,3}([ \u00a0]\d{3})+([.,]\d+)?|-?\d+[.,]\d+|-?\d+(\.\d+)?[eE][+-]?\d+"
)


def numbers_stored_as_text(workbook):
    """The cells of an openpyxl `workbook` that hold a number as text ("Sheet!B2"): every
    number of an export is stored as a number with a number format."""
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and _NUMBER_AS_TEXT.fullmatch(cell.value.strip())
    ]


def make_user(username, role, organisation=None):
    user = User(username=username, role=role, organisation=organisation)
    user.set_password(PASSWORD)
    user.save()
    return user


class BaseTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        # The reference organisations are in the test database already: the root conftest.py
        # loads them once per session.
        org = Organisation.objects.get
        cls.stockholm = org(kind=OrganisationKind.MUNICIPALITY, code="0180")
        cls.botkyrka = org(kind=OrganisationKind.MUNICIPALITY, code="0127")
        cls.uppsala = org(kind=OrganisationKind.MUNICIPALITY, code="0380")
        cls.region_stockholm = org(kind=OrganisationKind.REGION, code="01")
        cls.county_stockholm = org(kind=OrganisationKind.COUNTY, code="01")
        cls.county_uppsala = org(kind=OrganisationKind.COUNTY, code="03")
        cls.alice = make_user("alice", Role.REPORTER, cls.stockholm)
        cls.bob = make_user("bob", Role.REPORTER, cls.botkyrka)
        cls.charlie = make_user("charlie", Role.REPORTER, cls.uppsala)
        cls.regina = make_user("regina", Role.REPORTER, cls.region_stockholm)
        cls.cora = make_user("cora", Role.COUNTY_COORDINATOR, cls.county_stockholm)
        cls.otto = make_user("otto", Role.COUNTY_COORDINATOR, cls.county_uppsala)
        cls.anna = make_user("anna", Role.ANALYST)
        cls.adam = make_user("adam", Role.NATIONAL_ADMIN)

    # How a request is refused: logged-in users get one of these, anonymous visitors are
    # redirected to the login page (ApiTestCase: anonymous requests get 401).
    REFUSED_STATUS = (403, 404)
    LOGIN_URL = "/konto/logga-in/"

    def login(self, user):
        self.client.force_login(user)

    def logout(self):
        self.client.logout()

    def assertAnonymousRefused(self, response, where=""):
        """An anonymous request is sent to the login page."""
        self.assertEqual(response.status_code, 302, where)
        self.assertIn(self.LOGIN_URL, response["Location"], where)

    def download(self, url):
        """A document: the first request for one not made yet leads to its job's page (tests
        run tasks at once), which links back to the download, now served as a stored file."""
        response = self.client.get(url)
        if response.status_code == 302 and response["Location"].startswith("/jobb/"):
            self.assertContains(self.client.get(response["Location"]), f'href="{url}"')
            response = self.client.get(url)
        # A stored document is a FileResponse, read with getvalue(); a page has content.
        self.assertEqual(response.status_code, 200, getattr(response, "content", b"")[:300])
        return response

    def assertAccess(
        self,
        url,
        allowed=(),
        refused=(),
        method="get",
        data=None,
        ok=(200, 302),
        refused_status=None,
        **extra,
    ):
        """Send the same request as each user and check who gets through.

        - anonymous visitors are always checked: unless `None` is in `allowed` or `refused`,
          the request must be sent to the login page (`assertAnonymousRefused`); `None` in
          `refused` accepts any refusal (login page, 403 or 404), for public pages that refuse
          what is not published;
        - each user in `refused` is refused: 403 or 404 (`refused_status` asks for one code,
          of anonymous visitors too when `None` is in `refused`);
        - each user in `allowed` gets a status in `ok`; a redirect must not go to the login page.

        The refused requests are sent first, so that a change an allowed request makes cannot
        hide a refused one. `extra` goes to the test client (e.g. `format="json"`); files in
        `data` are rewound before each request. Returns the allowed users' responses, by user,
        for checks of what each one sees.
        """
        if isinstance(ok, int):
            ok = (ok,)

        def send(user):
            self.logout()
            if user is not None:
                self.login(user)
            for value in data.values() if isinstance(data, dict) else ():
                if hasattr(value, "seek"):
                    value.seek(0)  # an uploaded file is sent whole every time
            return getattr(self.client, method)(url, data or {}, **extra)

        if None not in allowed and None not in refused:
            self.assertAnonymousRefused(send(None), f"anonymous {method} {url}")
        for user in refused:
            where = f"{user.username if user else 'anonymous'} {method} {url}"
            response = send(user)
            if user is None and refused_status is None and response.status_code == 302:
                self.assertIn(self.LOGIN_URL, response["Location"], where)
            elif refused_status is None:
                self.assertIn(response.status_code, self.REFUSED_STATUS, where)
            else:
                self.assertEqual(response.status_code, refused_status, where)
        responses = {}
        for user in allowed:
            where = f"{user.username if user else 'anonymous'} {method} {url}"
            response = responses[user] = send(user)
            self.assertIn(response.status_code, ok, where)
            if response.status_code == 302:
                self.assertNotIn(self.LOGIN_URL, response["Location"], where)
        self.logout()
        return responses

    def assertOpenToEveryLoggedInRole(self, url):
        """The page answers 200 to every role and sends anonymous visitors to the login page."""
        self.assertAccess(
            url,
            allowed=(self.alice, self.bob, self.regina, self.cora, self.anna, self.adam),
            ok=200,
        )


def make_population(year=2019, official=False):
    """A small synthetic population: two ages (10 and 40) per municipality, deterministic."""
    from stimulans.organisations.models import PopulationDataset, PopulationFigure

    dataset = PopulationDataset.objects.create(
        year=year, source="test", official=official, filename="test.csv"
    )
    figures = []
    for org in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY):
        n = int(org.code)
        figures.append(PopulationFigure(dataset=dataset, area_code=org.code, age=10, count=n))
        figures.append(
            PopulationFigure(dataset=dataset, area_code=org.code, age=40, count=n * 3 + 7)
        )
    PopulationFigure.objects.bulk_create(figures)
    return dataset


def make_allocated_agreement():
    """The 2020 agreement, a synthetic 2019 population and the computed allocations (the
    organisations must be loaded): (agreement, population dataset)."""
    from stimulans.funds.services import allocate_agreement, load_agreement_2020

    agreement = load_agreement_2020()
    population = make_population(2019)
    allocate_agreement(agreement)
    return agreement, population


class FundsTestCase(BaseTestCase):
    """BaseTestCase plus the 2020 agreement, a synthetic population and computed allocations."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement, cls.population = make_allocated_agreement()
