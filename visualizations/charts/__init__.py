"""Pure chart builders (plain dicts in → plotly Figure out) and their shared style."""
from visualizations.charts.builders import BUILDERS, build_figure
from visualizations.charts.style import SYNTHETIC_LABEL, source_lines

__all__ = ["BUILDERS", "SYNTHETIC_LABEL", "build_figure", "source_lines"]
