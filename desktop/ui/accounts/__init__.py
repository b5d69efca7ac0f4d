"""The Accounts screen (客户): the customers, each one's page, editing and merging duplicates."""
