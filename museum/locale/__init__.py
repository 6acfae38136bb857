"""Message catalogs, one module per area of the product: MESSAGES = {key: (zh, en)}."""
