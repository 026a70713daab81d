"""A Partner Center simulator: a real HTTP server on 127.0.0.1 speaking the parts of the Partner
Center REST API pcdesk uses, with its quirks and failure modes (partner-center-api.md §10).

For tests and demos only; not part of pcdesk's wheel. Start it with::

    python -m pcsimulator --customers 500 --port 8765

``state.Simulator`` holds the data and the switches (throttling, BOM bodies, PascalCase, faults);
``app.build_app`` serves it with Starlette; ``server.running`` runs it in a thread for tests.
Writes (customers, carts, orders, subscription PATCHes) are added as routes over the same state,
each recorded in the audit log and the MS-RequestId replay store (``Simulator.replayed``).
"""
