"""Allow ``python -m careerfix``."""

from careerfix.launch import main

if __name__ == "__main__":
    main()
