from .refresh import published_refresh, published_sync

__all__ = ["published_refresh", "published_sync"]
