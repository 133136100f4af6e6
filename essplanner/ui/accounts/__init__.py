"""Connected accounts: the list dialog and the account editor."""
