"""Screenshots kept as test artefacts: the page at a 1366×768 laptop and a 390×844 phone, under
test-artifacts/screenshots/ (git-ignored; CI can upload the folder)."""
from pathlib import Path

from django.conf import settings

SIZES = ((1366, 768), (390, 844))
FOLDER = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"


def shoot(page, name: str, *, sizes=SIZES, scroll_to: str | None = None) -> list[Path]:
    """Save `name-<width>x<height>.png` at each size (the viewport as a person sees it, scrolled to
    `scroll_to` if given); the page is left at the first size."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    saved = []
    for width, height in sizes:
        page.set_viewport_size({"width": width, "height": height})
        if scroll_to:
            page.locator(scroll_to).first.scroll_into_view_if_needed()
        path = FOLDER / f"{name}-{width}x{height}.png"
        page.screenshot(path=str(path))
        saved.append(path)
    page.set_viewport_size({"width": sizes[0][0], "height": sizes[0][1]})
    return saved
