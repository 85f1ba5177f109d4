from .search import FACET_FIELDS, SearchError, SearchResult, dataset_search

__all__ = ["FACET_FIELDS", "SearchError", "SearchResult", "dataset_search"]
