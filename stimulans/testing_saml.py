"""A SAML 2.0 identity provider on loopback for tests (pysaml2's Server): it answers an
AuthnRequest (HTTP-Redirect binding) with a signed assertion for the identity set by
`sign_in_as`, in an HTML form for the HTTP-POST binding, as a real IdP's page does.

    with saml_idp(tmp_dir) as idp:
        # settings: SAML_IDP_METADATA=idp.metadata_file, SAML_KEY_FILE/SAML_CERT_FILE=idp.sp_keys
        idp.trust_sp(sp_metadata_xml)
        idp.sign_in_as({"mail": ["a@x.se"]})
"""

import datetime
import html
import re
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_TRANSIENT
from saml2.server import Server


def key_pair(directory, name):
    """A self-signed certificate and its key, as PEM files: (key_file, cert_file)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = Path(directory) / f"{name}.key", Path(directory) / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_file), str(cert_file)


class _IdP:
    def __init__(self, directory, url):
        self.directory = Path(directory)
        self.url = url
        self.key_file, self.cert_file = key_pair(directory, "idp")
        self.sp_keys = key_pair(directory, "sp")
        self.identity = {}
        self.server = None
        self.metadata_file = str(self.directory / "idp-metadata.xml")
        Path(self.metadata_file).write_bytes(create_metadata_string(None, config=self._config()))

    def _config(self, sp_metadata=None):
        config = IdPConfig()
        config.load(
            {
                "entityid": self.url + "/metadata",
                "xmlsec_binary": "/usr/bin/xmlsec1",
                "service": {
                    "idp": {
                        "name": "Test IdP",
                        "endpoints": {
                            "single_sign_on_service": [(self.url + "/sso", BINDING_HTTP_REDIRECT)]
                        },
                        "policy": {
                            "default": {
                                "lifetime": {"minutes": 15},
                                "attribute_restrictions": None,
                                "name_form": NAME_FORMAT_URI,
                            }
                        },
                        "name_id_format": [NAMEID_FORMAT_TRANSIENT],
                    }
                },
                "key_file": self.key_file,
                "cert_file": self.cert_file,
                "metadata": {"local": [sp_metadata]} if sp_metadata else {},
            }
        )
        return config

    def trust_sp(self, sp_metadata_xml):
        path = self.directory / "sp-metadata.xml"
        path.write_bytes(
            sp_metadata_xml if isinstance(sp_metadata_xml, bytes) else sp_metadata_xml.encode()
        )
        self.server = Server(config=self._config(str(path)))

    def sign_in_as(self, identity):
        self.identity = identity

    def answer(self, query):
        request = self.server.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT)
        args = self.server.response_args(request.message)
        response = self.server.create_authn_response(
            identity=self.identity,
            userid="test-user",
            authn={
                "class_ref": "http://id.elegnamnden.se/loa/1.0/loa3",
                "authn_auth": self.url,
            },
            sign_assertion=True,
            **args,
        )
        http = self.server.apply_binding(
            BINDING_HTTP_POST,
            str(response),
            args["destination"],
            query.get("RelayState", ""),
            response=True,
        )
        return http["data"]


def form_fields(page):
    """The hidden inputs and the action of the IdP's auto-posting form."""
    action = html.unescape(re.search(r'action="([^"]+)"', page).group(1))
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', page)
    }
    return action, fields


@contextmanager
def saml_idp(directory):
    holder = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urlparse(self.path)
            if url.path != "/sso":
                self.send_response(404)
                self.end_headers()
                return
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            body = holder["idp"].answer(query).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["idp"] = idp = _IdP(directory, f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield idp
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
