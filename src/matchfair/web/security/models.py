"""Failed logins, kept in the database so that every web process counts the same attempts."""

from django.db import models


class LoginFailure(models.Model):
    """One failed login: the account name tried (lower case) and the client address."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
