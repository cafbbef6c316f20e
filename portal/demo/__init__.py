"""The demo site: `content.build()` makes it, `translations` adds the other languages."""
