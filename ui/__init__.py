"""Streamlit-side helpers shared by the pages: context (language, year, institution), cached
data access and rendering of KPI cards and charts. All logic lives in `museum/`."""
