"""The client's IP address behind reverse proxies that the deployment trusts.

`X-Forwarded-For` is written by whoever sends the request, so it is read only when the request
comes from a trusted proxy (`settings.TRUSTED_PROXIES`), and then from the right: the first
address that is not itself a trusted proxy is the client. Entries further left were written by
the client and are ignored. (django-ipware checks the addresses in the header, not the peer that
sent it, so a client could name a trusted proxy itself; hence this small function.)
"""

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(values: Iterable[str]) -> list[Network]:
    """IP networks from addresses or CIDR ranges ("10.0.0.1", "10.0.0.0/8"); ValueError names
    the bad one."""
    networks: list[Network] = []
    for value in values:
        entry = value.strip()
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an IP address or network: {entry!r}") from exc
    return networks


def _address(value: str) -> Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address: Address | None, networks: Iterable[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(
    remote_addr: str | None, forwarded_for: str | None, trusted_networks: Sequence[Network]
) -> str | None:
    """The client's address: `remote_addr` unless that is a trusted proxy, in which case the
    right-most address of `forwarded_for` (the X-Forwarded-For header) that is not a trusted
    proxy. A malformed entry stops the walk at the proxy that forwarded it."""
    peer = _address(remote_addr or "")
    if not _trusted(peer, trusted_networks) or not forwarded_for:
        return remote_addr
    client = peer
    for hop in reversed(forwarded_for.split(",")):
        address = _address(hop)
        if address is None:
            break
        client = address
        if not _trusted(address, trusted_networks):
            break
    return str(client)
