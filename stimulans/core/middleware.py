class SwedishByDefaultMiddleware:
    """Swedish unless the user picked another language with the language switch (cookie).

    Officials' browsers are often set to English; the product speaks Swedish to them anyway.
    Place before django.middleware.locale.LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
