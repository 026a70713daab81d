"""``python -m pcsimulator --customers 500 --port 8765``: a Partner Center on 127.0.0.1."""

from __future__ import annotations

import argparse

from pcsimulator.server import HOST, serve
from pcsimulator.state import Config, Simulator


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pcsimulator", description=__doc__)
    parser.add_argument("--customers", type=int, default=500, help="customers to seed (500)")
    parser.add_argument("--resellers", type=int, default=5, help="indirect resellers (5)")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same customers (1)")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (8765)")
    parser.add_argument("--limiter", action="store_true", help="throttle as Partner Center does")
    parser.add_argument("--rate-limit", type=int, default=500, help="requests per window (500)")
    parser.add_argument("--rate-window", type=float, default=60.0, help="window in seconds (60)")
    parser.add_argument("--bom", action="store_true", help="start JSON bodies with a BOM")
    parser.add_argument("--pascal-case", action="store_true", help="answer in PascalCase")
    parser.add_argument("--duplicate-headers", action="store_true", help="'x,x' header values")
    parser.add_argument("--mfa", action="store_true", help="refuse tokens without amr=mfa")
    parser.add_argument("--changes", type=int, default=0, help="changes made today (audit log)")
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    sim = Simulator(
        args.customers,
        seed=args.seed,
        resellers=args.resellers,
        config=Config(
            limiter=args.limiter,
            rate_limit=args.rate_limit,
            rate_window=args.rate_window,
            bom=args.bom,
            pascal_case=args.pascal_case,
            duplicate_headers=args.duplicate_headers,
            mfa_enforced=args.mfa,
        ),
    )
    if args.changes:
        from pcsimulator.changes import make_changes

        make_changes(sim, args.changes)
    print(f"Partner Center simulator: http://{HOST}:{args.port} ({args.customers} customers)")
    print(f"  PCDESK_PARTNER_CENTER_API=http://{HOST}:{args.port} PCDESK_PARTNER_CENTER_TOKEN=any")
    serve(sim, args.port, args.log_level)


if __name__ == "__main__":
    main()
