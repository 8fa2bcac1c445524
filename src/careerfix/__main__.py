"""Allow ``python -m careerfix``."""

from careerfix.cli import main

if __name__ == "__main__":
    main()
