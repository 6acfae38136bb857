"""科技馆运营看板: the plain logic package behind the dashboard (no Streamlit in here)."""

__version__ = "0.1.0"
