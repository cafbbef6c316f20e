import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def moderator(client, django_user_model, demo_site):
    """The admin as a member of staff who may publish (Moderators)."""
    user = django_user_model.objects.create_user("mod", "mod@example.org", "pw-mod-1")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return client
