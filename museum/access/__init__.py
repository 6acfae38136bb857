"""Access: staff accounts and their roles, sessions, sign-in limits, and how account names are spelled.

`auth` signs people in and checks sessions and permissions; `throttle` counts failed sign-ins;
`names` normalises account names. What each of them does is written to the audit trail
(museum.store.audit).
"""
