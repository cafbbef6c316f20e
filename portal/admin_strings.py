# ruff: noqa: E501 (the msgids are copied verbatim, so grep finds them upstream)
"""Wagtail and wagtail-localize admin strings that their Swedish catalogues lack.

Their sv catalogues lag behind their sources, so these showed in English in the Swedish admin.
Listing the upstream msgids here (copied from their `en` catalogues) makes `make messages`
extract them into our catalogues (django.po and, for the JavaScript catalogue, djangojs.po), which
come first in LOCALE_PATHS and so win; typed into django.po by hand they would be dropped by
`pybabel update --ignore-obsolete`. tests/portal/test_admin_swedish.py checks each is served in
Swedish.
"""

from django.utils.translation import gettext_noop


def plural_noop(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for extraction (Django has no ngettext_noop)."""
    return singular, plural


def js_noop(message: str) -> str:
    """Mark a string of the JavaScript catalogue (the djangojs domain)."""
    return message


def js_plural_noop(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair of the JavaScript catalogue (the djangojs domain)."""
    return singular, plural


UPSTREAM_MESSAGES = (
    # The page editor: autosave, editing sessions, side panels, checks
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("You saved a new version in another window"),
    gettext_noop("System"),
    gettext_noop("%(user_name)s saved a new version"),
    gettext_noop("View latest version"),
    gettext_noop("%(user_name)s has unsaved changes"),
    gettext_noop("Currently idle"),
    gettext_noop("Currently viewing"),
    plural_noop(
        "One other user is currently viewing", "%(num_user)s other users are currently viewing"
    ),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    ),
    gettext_noop("Minimap"),
    gettext_noop("Side panels"),
    gettext_noop("Side panel width"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Refreshing…"),
    gettext_noop("Refresh"),
    gettext_noop("Show issue"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("The %(model_name)s could not be saved as it is locked"),
    gettext_noop("- Select an option -"),
    gettext_noop("Cannot overwrite a revision that is not the latest for this %(model_name)s."),
    gettext_noop("Cannot overwrite a revision that was not created by the current user."),
    # Scheduling and the workflow's status
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop("Anyone with editing permissions can create schedules"),
    gettext_noop("But only those with publishing permissions can make them effective."),
    gettext_noop("Go-live:"),
    gettext_noop("Expiry:"),
    gettext_noop("Once scheduled:"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Invalid schedule"),
    gettext_noop("Changes requested %(finished_at)s"),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s scheduled for publishing"),
    gettext_noop("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s unscheduled from publishing"),
    # Revisions and the generic (snippet) views
    gettext_noop("Compare"),
    gettext_noop(
        "You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by %(user)s"
    ),
    gettext_noop("%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s."),
    gettext_noop("%(model_name)s '%(object)s' has been scheduled for publishing."),
    gettext_noop("%(model_name)s '%(object)s' created and scheduled for publishing."),
    gettext_noop(
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."
    ),
    gettext_noop("%(model_name)s '%(object)s' updated and published."),
    gettext_noop("%(model_name)s '%(object)s' created and published."),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop("Sort item order"),
    gettext_noop("Enable custom ordering"),
    gettext_noop("Disable custom ordering"),
    # Listings, filters and reports
    gettext_noop("Date updated"),
    gettext_noop("Any"),
    gettext_noop("any"),
    gettext_noop("%(field_label)s:"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."
    ),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    gettext_noop("Exploring"),
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    gettext_noop("App"),
    gettext_noop("Page/Snippet Type"),
    gettext_noop("Edit account avatar"),
    gettext_noop("account"),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    # Privacy; deleting, moving and unpublishing a page with its translations
    gettext_noop("Privacy is inherited from the ancestor page - %(ancestor_page)s"),
    gettext_noop("Changing the privacy for this page has been disabled."),
    plural_noop(
        "This will also unpublish one translation of the page.",
        "This will also unpublish all %(translation_count)s translations of the page.",
    ),
    plural_noop(
        "This will also move one translation of this page and its child pages",
        "This will also move %(translations_to_move_count)s translations of this page and their child pages",
    ),
    plural_noop(
        "Deleting this page will also delete %(translation_count)s translation of this page.",
        "This will also delete %(descendant_count)s more child pages. Deleting this page will also delete %(translation_count)s translations of this page.",
    ),
    plural_noop(
        "Deleting this page will also delete 1 translation and its combined %(translation_descendant_count)s translated child page.",
        "Deleting this page will also delete 1 translation and its combined %(translation_descendant_count)s translated child pages.",
    ),
    plural_noop(
        "Deleting this page will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child page.",
        "Deleting this page will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child pages.",
    ),
    plural_noop(
        "It will also delete 1 translation and its combined %(translation_descendant_count)s translated child page.",
        "It will also delete 1 translation and its combined %(translation_descendant_count)s translated child pages.",
    ),
    plural_noop(
        "It will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child page.",
        "It will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child pages.",
    ),
    # Documents
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    # wagtail-localize: updating translations
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original language until translated."
    ),
    gettext_noop(
        'Apply the updates and publish immediately. The changes will use the original language until translated unless you also select "Use machine translation".'
    ),
    # Accessibility checks (the checks panel and the user bar)
    gettext_noop("Button text is empty"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Empty heading found"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Link text is empty"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
)

UPSTREAM_JS_MESSAGES = (
    # Wagtail's JavaScript: reading time, readability, autosave, toolbar, block chooser
    js_plural_noop("%(num)s min", "%(num)s mins"),
    js_noop("%(time_zone_option)s: %(localized_time_zone_label)s"),
    js_noop("A network error occurred."),
    js_noop("A server error occurred."),
    js_noop("Autosave in progress…"),
    js_noop("Changes have been autosaved."),
    js_noop("Complex"),
    js_noop("Fair"),
    js_noop("Good"),
    js_noop("Pin toolbar"),
    js_noop("Unpin toolbar"),
    js_noop("Search options…"),
    # wagtail-localize's translation editor (its Swedish lacks the space after "på")
    js_noop("Applying editor lock"),
    js_noop("Removing editor lock"),
    js_noop("Stopping Synced translation"),
    js_noop("Publish in "),
)
