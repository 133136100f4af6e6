"""The core's side of the plugin boundary: compose a request, build a publisher context, connect and check accounts, read metrics."""
