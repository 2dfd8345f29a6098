from django.http import HttpRequest, HttpResponse

from stimulans.lib.middleware import CleanInputMiddleware


def test_clean_input_passes_a_request_without_content_type():
    # A bare HttpRequest has content_type None (the WSGI and ASGI handlers always set a string):
    # nothing to clean, the view gets it; it used to raise AttributeError on None.endswith.
    request = HttpRequest()
    request.method = "POST"
    assert request.content_type is None
    response = HttpResponse("ok")
    assert CleanInputMiddleware(lambda r: response)(request) is response
