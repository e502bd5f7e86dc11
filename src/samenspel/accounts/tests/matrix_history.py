"""The permission matrix rows of the history page (`accounts:history`): every signed-in
user sees their own history, with or without a role; it is only read (GET)."""

API_MATRIX: dict[str, tuple[str, str]] = {
    "accounts:history": ("login 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
}
