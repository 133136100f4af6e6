"""Run inside a private D-Bus session with an unlocked gnome-keyring (see the test).

Checks, with the real Secret Service: the keyring backend chosen, a KeyringStore round
trip, and ``essplanner account add`` / ``check`` / ``remove`` storing, using and deleting
the secret. Prints one JSON object.
"""

from __future__ import annotations

import io
import json
import os
import sys

import keyring

from essplanner.cli.main import main
from essplanner.credentials import KeyringStore

result: dict[str, object] = {"backend": type(keyring.get_keyring()).__module__}
store = KeyringStore()
store.check_available()
store.set(99, "s3cret-✓-ünïcode")
store.set(99, '{"accessJwt": "a", "refreshJwt": "r"}', "session")
result["roundtrip"] = store.get(99) == "s3cret-✓-ünïcode"
result["vault"] = store.get(99, "session")
store.delete_all(99)
result["after_delete"] = [store.get(99), store.get(99, "session")]

url, token = os.environ["TELEGRAM_URL"], os.environ["TELEGRAM_TOKEN"]
base = ["--lang", "en"]
sys.stdin = io.StringIO(token + "\n")
result["add"] = main([*base, "account", "add", "telegram", "--name", "Canal", "--api-url", url,
                      "--setting", "chat_id=@asso_energie", "--secret-stdin"])
result["stored"] = keyring.get_password("essplanner", "1") == token
result["check"] = main([*base, "account", "check", "Canal"])
keyring.set_password("essplanner", "1/session", "left by a publisher")
result["remove"] = main([*base, "account", "remove", "Canal"])
result["after_remove"] = [keyring.get_password("essplanner", "1"),
                          keyring.get_password("essplanner", "1/session")]
print("RESULT " + json.dumps(result))
