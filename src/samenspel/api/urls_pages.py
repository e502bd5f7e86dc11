app_name = "api_pages"

urlpatterns: list = []
