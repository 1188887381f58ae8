"""Template context shared by every page: the branches the user works in, for the switcher."""
from .access import home_branches_for_user


def current_branch(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"home_branches": home_branches_for_user(user)}
