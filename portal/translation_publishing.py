"""wagtail-localize's "Sync translated pages" offers "Publish immediately" to anyone who may
submit translations, and publishes every target page without asking who may publish it: an
Editors-only user could publish past moderation. Here the choice is given only to those who
may publish every target page; everyone else updates drafts, which then go through the same
workflow as any page. (The translation editor's own Publish button already checks.)"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.views import update_translations


class PublishCheckedForm(update_translations.UpdateTranslationsForm):
    def __init__(self, *args, may_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            field = self.fields["publish_translations"]
            field.disabled = True
            field.help_text = _(
                "You may not publish these pages yourself: the translations are updated as "
                "drafts. Submit them for moderation from each page."
            )


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    def may_publish(self) -> bool:
        for translation in self.object.translations.filter(enabled=True):
            target = translation.get_target_instance()
            if isinstance(target, Page):
                if not target.permissions_for_user(self.request.user).can_publish():
                    return False
        return True

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return PublishCheckedForm(data, may_publish=self.may_publish())

    def form_valid(self, form):
        if self.request.POST.get("publish_translations") and not self.may_publish():
            messages.warning(
                self.request,
                _("The translations were updated as drafts: you may not publish these pages."),
            )
        return super().form_valid(form)
