"""The forum's pages, one module per subject. Each view parses the request, calls one service
(named after it) or selector, and renders; the rules are checked by the services, and before
showing a form by the view too. Import a view from its own module."""
