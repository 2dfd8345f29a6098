"""Login throttling: per username from any address, per client address over any usernames,
and the client address read from X-Forwarded-For only behind a trusted proxy."""

from django.test import SimpleTestCase, override_settings

from stimulans.lib.client_ip import client_ip, parse_networks
from stimulans.test import PASSWORD, BaseTestCase

URL = "/konto/logga-in/"
LOCKED = "För många inloggningsförsök"
SPRAYED = [f"user{i:02d}" for i in range(10)]


class LoginThrottleTestCase(BaseTestCase):
    def fail(self, username, **meta):
        response = self.client.post(URL, {"username": username, "password": "fel"}, **meta)
        self.assertIn(response.status_code, (200, 429))

    def log_in(self, user, **meta):
        self.client.logout()
        return self.client.post(URL, {"username": user.username, "password": PASSWORD}, **meta)

    def assertLocked(self, response):
        self.assertContains(response, LOCKED, status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def assertLoggedIn(self, response):
        self.assertEqual(response.status_code, 302)
        self.assertIn("_auth_user_id", self.client.session)

    def test_spraying_many_usernames_from_one_address_locks_the_address(self):
        # 40 failures over ten usernames (four each, under the per-user limit), one address.
        for _ in range(4):
            for username in [*SPRAYED[:9], "alice"]:
                self.fail(username, REMOTE_ADDR="203.0.113.5")
        self.assertLocked(self.log_in(self.bob, REMOTE_ADDR="203.0.113.5"))
        # Another address is not locked, nor is alice (four failures).
        self.assertLoggedIn(self.log_in(self.alice, REMOTE_ADDR="198.51.100.9"))

    def test_the_address_limit_is_higher_than_the_username_limit(self):
        for i in range(29):
            self.fail(SPRAYED[i % 10], REMOTE_ADDR="203.0.113.5")
        self.assertLoggedIn(self.log_in(self.bob, REMOTE_ADDR="203.0.113.5"))

    def test_a_username_is_locked_from_every_address(self):
        for i in range(5):
            self.fail("alice", REMOTE_ADDR=f"203.0.113.{i + 1}")
        self.assertLocked(self.log_in(self.alice, REMOTE_ADDR="198.51.100.9"))
        self.assertLoggedIn(self.log_in(self.bob, REMOTE_ADDR="198.51.100.9"))

    def test_a_valid_login_does_not_clear_the_address_count(self):
        for i in range(29):
            self.fail(SPRAYED[i % 10], REMOTE_ADDR="203.0.113.5")
        self.assertLoggedIn(self.log_in(self.bob, REMOTE_ADDR="203.0.113.5"))
        self.client.logout()
        self.fail("user00", REMOTE_ADDR="203.0.113.5")
        self.assertLocked(self.log_in(self.bob, REMOTE_ADDR="203.0.113.5"))

    def test_forwarded_for_is_ignored_without_a_trusted_proxy(self):
        for i in range(30):
            self.fail(
                SPRAYED[i % 10], REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.1.1.{i}"
            )
        self.assertLocked(
            self.log_in(self.bob, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="10.9.9.9")
        )

    @override_settings(TRUSTED_PROXIES=["10.0.0.5"])
    def test_behind_a_trusted_proxy_each_client_is_counted_on_its_own(self):
        proxy = {"REMOTE_ADDR": "10.0.0.5"}
        for i in range(30):
            # The client's own left-hand entry is ignored: the proxy appended the real one.
            self.fail(SPRAYED[i % 10], **proxy, HTTP_X_FORWARDED_FOR=f"10.1.1.{i}, 198.51.100.7")
        self.assertLocked(self.log_in(self.bob, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"))
        self.assertLoggedIn(self.log_in(self.bob, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.8"))


class ClientIpTestCase(SimpleTestCase):
    def test_it_reads_the_header_only_from_a_trusted_proxy(self):
        trusted = parse_networks(["10.0.0.0/24", "2001:db8::1"])
        self.assertEqual(client_ip("203.0.113.5", "198.51.100.7", trusted), "203.0.113.5")
        self.assertEqual(client_ip("10.0.0.5", "198.51.100.7", trusted), "198.51.100.7")
        self.assertEqual(client_ip("10.0.0.5", "1.2.3.4, 198.51.100.7", trusted), "198.51.100.7")
        # Two trusted proxies in a row; then the client.
        self.assertEqual(client_ip("10.0.0.5", "198.51.100.7, 10.0.0.6", trusted), "198.51.100.7")
        self.assertEqual(client_ip("2001:db8::1", "198.51.100.7", trusted), "198.51.100.7")
        # A malformed entry: the last good hop (here the proxy itself) is the client.
        self.assertEqual(client_ip("10.0.0.5", "nonsense", trusted), "10.0.0.5")
        self.assertEqual(client_ip("10.0.0.5", "", trusted), "10.0.0.5")
        self.assertEqual(client_ip("10.0.0.5", "198.51.100.7", []), "10.0.0.5")

    def test_a_bad_trusted_proxy_setting_is_named(self):
        with self.assertRaisesMessage(ValueError, "'10.0.0.300'"):
            parse_networks(["10.0.0.1", "10.0.0.300"])
