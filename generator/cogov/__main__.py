from cogov.cli import main

raise SystemExit(main())
