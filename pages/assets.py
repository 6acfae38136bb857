"""资产 Assets: 年初数 and 年末数, the change, a bridge chart, history and reconciliation."""

import pandas as pd
import streamlit as st

from museum import assets, charts, numbers
from ui import context, widgets

ctx = context.current()
context.page_header(ctx, "page.assets")

table = assets.asset_table(ctx.values)
this_year = table[table["year"] == ctx.year]
if this_year.empty or this_year[["start", "end"]].isna().any(axis=None):
    st.info(ctx.t("assets.no_data", year=ctx.year))
else:
    row = this_year.iloc[0]
    pct = "—" if pd.isna(row["change_pct"]) else numbers.format_change_pct(row["change_pct"], False, ctx.lang)
    st.markdown(ctx.t("assets.summary", year=ctx.year, start=numbers.format_plain(row["start"], ctx.lang),
                      end=numbers.format_plain(row["end"], ctx.lang),
                      change=numbers.format_change(row["change"], False, ctx.lang), pct=pct))
    bridge = pd.DataFrame({ctx.t("col.start"): [row["start"]], ctx.t("col.change"): [row["change"]], ctx.t("col.end"): [row["end"]]})
    widgets.chart(charts.assets_bridge(ctx.year, row["start"], row["end"], ctx.lang, ctx.palette, demo=ctx.demo),
                  bridge, f"assets_bridge_{ctx.year}", ctx)

for _, bad in assets.mismatches(table).iterrows():
    st.warning(ctx.t("assets.reconcile_warning", year=int(bad["year"]), start=numbers.format_plain(bad["start"], ctx.lang),
                     prev_year=int(bad["year"]) - 1, prev_end=numbers.format_plain(bad["prev_end"], ctx.lang),
                     diff=numbers.format_plain(abs(bad["start"] - bad["prev_end"]), ctx.lang)))
if table["reconciled"].notna().any():
    if assets.mismatches(table).empty:
        st.success(ctx.t("assets.reconcile_ok"))
else:
    st.caption(ctx.t("assets.reconcile_unknown"))

st.subheader(ctx.t("assets.history"))
shown = pd.DataFrame({
    ctx.t("col.year"): table["year"],
    ctx.t("col.start"): table["start"],
    ctx.t("col.end"): table["end"],
    ctx.t("col.change"): table["change"].round(2),
    ctx.t("col.change_pct"): [numbers.format_change_pct(p, False, ctx.lang) if pd.notna(p) else "—" for p in table["change_pct"]],
    ctx.t("col.prev_end"): table["prev_end"],
    ctx.t("col.reconciled"): ["—" if r is None else ("✓" if r else "✗") for r in table["reconciled"]],
})
widgets.chart(charts.assets_years(table, ctx.lang, demo=ctx.demo), shown, "assets_years", ctx)
