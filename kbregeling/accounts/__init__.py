"""People and their roles: the user model, the four roles and the two reviewer parties, the
login and home pages, and the role checks that every app's ``permissions.py`` builds on."""
