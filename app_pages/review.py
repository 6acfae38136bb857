"""待审核 Pending review: each batch waiting for a second pair of eyes, its changes old → new; approve or return with a reason."""

import streamlit as st

from museum.access import auth
from ui import access, context, forms, review_view

ctx = context.current()
role = access.require("view_history", ctx.lang)
st.title(ctx.t("page.review"))
st.caption(ctx.t("review.intro"))
forms.show_saved()
me = access.actor()
may_approve = auth.can(role, "approve")  # the account's role; each batch is decided by its role in the batch's unit
found = [p for p in review_view.pending(ctx) if review_view.may_approve(p) or p.submitted_by == me]
if not may_approve:  # an editor follows their own submissions, read-only
    if found:
        st.caption(ctx.t("review.own_only"))
if not found:
    st.info(ctx.t("review.empty"))
for proposal in found:
    review_view.batch(ctx, proposal, may_decide=review_view.may_approve(proposal) and proposal.submitted_by != me)
review_view.returned(ctx, me, may_approve)
