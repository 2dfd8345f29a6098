"""A small OpenID Connect provider on loopback for tests: the authorization code flow with
RS256-signed ID tokens (PyJWT), a JWKS, a userinfo endpoint and PKCE (S256).

    with oidc_provider(client_id="stimulans", client_secret="s") as op:
        op.sign_in_as({"sub": "1", "email": "a@x.se", "email_verified": True})
        op.settings(domains=["x.se"])  # an entry of OIDC_PROVIDERS

`/authorize` answers at once with a redirect to the client's callback (the person is the one
`sign_in_as` names); `/token` checks the client, the code, the redirect URI and the PKCE
verifier, as a provider does.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class _Provider:
    def __init__(self, client_id, client_secret):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key"
        self.claims = {}
        self.codes = {}
        self.tokens = {}
        self.requests = []
        self.lock = threading.Lock()
        self.url = ""
        self.audience = None  # the ID token's "aud": the client's id unless set

    def sign_in_as(self, claims):
        self.claims = dict(claims)

    def settings(self, domains, **extra):
        return {
            "domains": domains,
            "issuer": self.url,
            "authorization_endpoint": self.url + "/authorize",
            "token_endpoint": self.url + "/token",
            "userinfo_endpoint": self.url + "/userinfo",
            "jwks_endpoint": self.url + "/jwks",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            **extra,
        }

    def jwks(self):
        jwk = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def id_token(self, nonce):
        now = int(time.time())
        payload = {
            "iss": self.url,
            "aud": self.audience or self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            **self.claims,
        }
        return jwt.encode(payload, self.key, algorithm="RS256", headers={"kid": self.kid})


def _handler(provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _json(self, status, data):
            body = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            with provider.lock:
                provider.requests.append(("GET", url.path))
            if url.path == "/authorize":
                if query.get("client_id") != provider.client_id:
                    return self._json(400, {"error": "unauthorized_client"})
                code = secrets.token_urlsafe(16)
                with provider.lock:
                    provider.codes[code] = query
                target = (
                    query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
                )
                self.send_response(302)
                self.send_header("Location", target)
                self.end_headers()
            elif url.path == "/jwks":
                self._json(200, provider.jwks())
            elif url.path == "/userinfo":
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                with provider.lock:
                    claims = provider.tokens.get(token)
                if claims is None:
                    return self._json(401, {"error": "invalid_token"})
                self._json(200, claims)
            else:
                self._json(404, {"error": "not_found"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            with provider.lock:
                provider.requests.append(("POST", self.path))
                auth = provider.codes.pop(form.get("code", ""), None)
            if self.path != "/token":
                return self._json(404, {"error": "not_found"})
            if (form.get("client_id"), form.get("client_secret")) != (
                provider.client_id,
                provider.client_secret,
            ):
                return self._json(401, {"error": "invalid_client"})
            if auth is None or form.get("redirect_uri") != auth["redirect_uri"]:
                return self._json(400, {"error": "invalid_grant"})
            if "code_challenge" in auth:
                digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
                challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
                if challenge != auth["code_challenge"]:
                    return self._json(400, {"error": "invalid_grant"})
            access = secrets.token_urlsafe(16)
            with provider.lock:
                provider.tokens[access] = dict(provider.claims)
            self._json(
                200,
                {
                    "access_token": access,
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "id_token": provider.id_token(auth.get("nonce")),
                },
            )

    return Handler


@contextmanager
def oidc_provider(client_id="stimulans", client_secret="test-secret"):
    provider = _Provider(client_id, client_secret)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(provider))
    provider.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
