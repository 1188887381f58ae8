"""Template context shared by every page: the branches the user works in, for the switcher, and
her unread messages."""
from .access import home_branches_for_user
from .notifications import inbox


def current_branch(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"home_branches": home_branches_for_user(user)}


def unread_notifications(request):
    """The header's count of unread messages: one indexed count, only for a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": inbox.unread_count(user)}
